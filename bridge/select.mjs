// SPDX-License-Identifier: MIT
import { createRequire } from 'node:module';

const mod = createRequire(import.meta.url)('./select.js');
export default mod;
export const {
  select, poll, epoll, error, KeyError, POLLIN, POLLPRI, POLLOUT, POLLERR, POLLHUP,
  POLLNVAL, POLLRDNORM, POLLRDBAND, POLLWRNORM, POLLWRBAND, POLLMSG, POLLRDHUP, EPOLLIN,
  EPOLLPRI, EPOLLOUT, EPOLLERR, EPOLLHUP, EPOLLRDNORM, EPOLLRDBAND, EPOLLWRNORM,
  EPOLLWRBAND, EPOLLMSG, EPOLLRDHUP, EPOLLEXCLUSIVE, EPOLLONESHOT, EPOLLET, EPOLL_CLOEXEC, PIPE_BUF,
} = mod;
