import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { InFlightRequests, RequestAbort } from '../../../src/server/observability/in-flight';

/** What track() uses of a response: its events and whether it finished. */
const response = () =>
  Object.assign(new EventEmitter(), { writableFinished: false }) as unknown as ServerResponse & { writableFinished: boolean };

describe('RequestAbort', () => {
  it('is aborted with "timeout" as soon as its deadline has passed, before any timer has run', () => {
    const reasons: string[] = [];
    const late = new RequestAbort((reason) => reasons.push(reason), 0);
    // No event-loop turn between: a busy loop serves I/O before timers, the clock still tells.
    expect(late.reason).toBe('timeout');
    expect(late.signal.aborted).toBe(true);
    expect(late.signal.reason).toBe('timeout');
    expect(reasons).toEqual(['timeout']);
  });

  it('is not aborted before its deadline, and keeps its first reason', () => {
    const request = new RequestAbort(undefined, 60_000);
    expect(request.reason).toBeUndefined();
    expect(request.signal.aborted).toBe(false);
    request.abort('shutdown');
    request.abort('timeout');
    expect([request.reason, request.signal.reason]).toEqual(['shutdown', 'shutdown']);
  });

  it('has no deadline once settled: a response that ended in time is never reported late', () => {
    const request = new RequestAbort(undefined, 0);
    request.settle();
    expect(request.reason).toBeUndefined();
  });
});

describe('InFlightRequests.track', () => {
  it('reports a response that closed unfinished past its deadline as a timeout, one closed in time as the client leaving', () => {
    const inFlight = new InFlightRequests();
    const lateRes = response();
    const late = inFlight.track(lateRes, 0);
    const earlyRes = response();
    const early = inFlight.track(earlyRes, 60_000);
    expect(inFlight.size).toBe(2);
    lateRes.emit('close');
    earlyRes.emit('close');
    expect([late.reason, early.reason, inFlight.size]).toEqual(['timeout', 'client_closed', 0]);
  });

  it('leaves a response that finished alone, even when read after its deadline', () => {
    const inFlight = new InFlightRequests();
    const res = response();
    const request = inFlight.track(res, 60_000);
    res.writableFinished = true;
    res.emit('finish');
    res.emit('close');
    expect(request.reason).toBeUndefined();
  });
});
