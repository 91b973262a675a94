import { brokerContractSuite } from '../contractSuite';
import { settled, startAlpacaRig } from './testing/alpacaRig';

brokerContractSuite('AlpacaBroker', async () => {
  const rig = await startAlpacaRig();
  return {
    broker: rig.broker,
    instrument: 'AAA',
    lastPrice: () => rig.fake.price('AAA'),
    async advance() {
      await settled(rig);
      rig.fake.step(1);
      await settled(rig);
    },
    close: () => rig.close(),
    lacks: { TRAILING_STOP_LIMIT: /Alpaca/ },
  };
});
