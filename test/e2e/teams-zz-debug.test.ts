import { it } from 'vitest';
import { startFakeConnector } from './helpers/fake-connector.js';
import { startTestServer } from './helpers/server.js';
import { personalMessage, postActivity } from './helpers/teams-activities.js';
it('dbg', async () => {
  const connector = await startFakeConnector();
  const server = await startTestServer({ PLAYGROUND: 'on' });
  const t = setInterval(() => console.log('calls', connector.calls.length, JSON.stringify(server.logs.slice(-3)).slice(0, 600)), 1000);
  const res = await postActivity(server.url, personalMessage(connector.serviceUrl, '0xC004F074'));
  console.log(res);
  clearInterval(t);
  await server.close(); await connector.close();
}, 8000);
