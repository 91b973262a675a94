import type { Timestamp } from '../../domain/order';
import { LIVE_ARMING_PHRASE, type ModeStateDto, type TradingMode } from '../../ipc/contract/trading';
import { ApiError } from '../../ipc/errors';

/** PAPER until the trader arms LIVE by typing the phrase; disarming returns to PAPER at once. */
export class LiveArming {
  private armedAt: Timestamp | null = null;

  get mode(): TradingMode {
    return this.armedAt === null ? 'PAPER' : 'LIVE';
  }

  arm(phrase: string, at: Timestamp): void {
    if (phrase.trim() !== LIVE_ARMING_PHRASE) {
      throw new ApiError('REJECTED', `LIVE not armed: type exactly "${LIVE_ARMING_PHRASE}" to arm it`);
    }
    this.armedAt ??= at;
  }

  disarm(): void {
    this.armedAt = null;
  }

  state(): ModeStateDto {
    return { mode: this.mode, liveArmed: this.armedAt !== null, armedAt: this.armedAt };
  }
}
