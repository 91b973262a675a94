import { brokerContractSuite } from '../contractSuite';
import { settled, startRig } from './testing/ibRig';

brokerContractSuite('IbBroker', async () => {
  const rig = await startRig();
  return {
    broker: rig.broker,
    instrument: 'AAA',
    lastPrice: () => rig.tws.price('AAA'),
    async advance() {
      await settled(rig);
      rig.tws.step(1);
      await settled(rig);
    },
    close: () => rig.close(),
  };
});
