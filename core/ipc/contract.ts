import type { z } from 'zod';
import type { EventMap, MethodMap } from './contractTypes';
import { backtestEvents, backtestMethods } from './contract/backtests';
import { dataEvents, dataMethods } from './contract/data';
import { tradingEvents, tradingMethods } from './contract/trading';
import { researchEvents, researchMethods } from './contract/research';
import { riskMethods } from './contract/risk';
import { sessionEvents, sessionMethods } from './contract/sessions';
import { systemMethods } from './contract/system';

/**
 * The one contract between renderer and engine. Each area adds its section here; a handler map
 * that misses a method, or answers with the wrong shape, does not compile.
 */
export const methods = {
  ...systemMethods,
  ...backtestMethods,
  ...dataMethods,
  ...tradingMethods,
  ...riskMethods,
  ...researchMethods,
  ...sessionMethods,
} as const satisfies MethodMap;

export const events = {
  ...backtestEvents,
  ...dataEvents,
  ...tradingEvents,
  ...researchEvents,
  ...sessionEvents,
} as const satisfies EventMap;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
/** What a caller passes (defaults may be omitted). */
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
/** What a caller receives. */
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

/** A handler gets the validated input (defaults applied) and answers with the output shape. */
export type Handler<M extends MethodName> = (
  input: z.output<Methods[M]['input']>,
) => Promise<z.input<Methods[M]['output']>> | z.input<Methods[M]['output']>;

export type Handlers = { [M in MethodName]: Handler<M> };
/** The handlers of one area, checked against its section of the contract. */
export type HandlersFor<S extends MethodMap> = { [M in keyof S & MethodName]: Handler<M> };

/** Sends a pushed event to every connected renderer. */
export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;
