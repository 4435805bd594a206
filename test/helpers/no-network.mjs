// Preloaded (node --import) into a process whose work must not leave the machine: connecting or resolving any
// host but loopback throws, and so does fetch. Worker threads started from files inherit the preload.
import dns from 'node:dns';
import net from 'node:net';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1']);
const refuse = () => {
  throw new Error('network access attempted in a no-network run');
};
const loopbackOnly =
  (original) =>
  (host, ...rest) =>
    LOOPBACK.has(host) ? original(host, ...rest) : refuse();

net.Socket.prototype.connect = refuse;
net.connect = refuse;
net.createConnection = refuse;
dns.lookup = loopbackOnly(dns.lookup);
dns.promises.lookup = loopbackOnly(dns.promises.lookup);
globalThis.fetch = refuse;
