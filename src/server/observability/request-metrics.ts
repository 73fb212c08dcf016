import type { NodeHandler } from '../node-handler';
import type { Metrics } from './metrics';
import { requestStateOf } from './request-context';
import { outcomeOf } from './request-log';
import { pathOf, routeOf } from './route';

/**
 * Records each request in the metrics once, when its response finishes or its client aborts it. Mount it
 * after `requestContext` (requests without a RequestState are not counted).
 */
export function requestMetrics(metrics: Metrics): NodeHandler {
  return (req, res, next) => {
    let done = false;
    const record = () => {
      if (done) return;
      done = true;
      const state = requestStateOf(res);
      if (state) metrics.recordRequest(state, routeOf(pathOf(req)), outcomeOf(res));
    };
    res.once('finish', record);
    res.once('close', record);
    next();
  };
}
