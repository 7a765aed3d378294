/**
 * Routing by id inside Concord, behind one Bolt listener per surface. Bolt runs the middleware chain of
 * every registered listener for every request (a chain per listener: type filter, constraint matcher,
 * argument copies); with one listener per action or view that was 13 chains per request, measured at
 * about twice bare Bolt's `invokeMiddleware` CPU. These tables match exactly what the separate
 * listeners matched: an action by exact action_id, then by prefix, then by a fallback pattern; a view by
 * its payload type (view_submission, view_closed) and callback_id. A request no entry matches is not
 * acked here (the receiver answers it with an empty 200, as it did when no listener matched).
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs, SlackViewAction, SlackViewMiddlewareArgs, ViewClosedAction, ViewSubmitAction } from '@slack/bolt';

export type ActionArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
export type ActionHandler = (args: ActionArgs) => Promise<void>;

export interface ActionRoutes {
  /** action_id → handler. */
  exact: Record<string, ActionHandler>;
  /** [prefix, handler]: action_ids starting with the prefix. */
  prefixes: [string, ActionHandler][];
  /** Tried last: action_ids matching the pattern. */
  otherwise: [RegExp, ActionHandler];
}

/** One handler for every block action: finds the action's own handler and runs it with the same arguments. */
export function actionRouter(routes: ActionRoutes): ActionHandler {
  const exact = new Map(Object.entries(routes.exact));
  return async (args) => {
    const id = args.action.action_id;
    const handler = exact.get(id) ?? routes.prefixes.find(([prefix]) => id.startsWith(prefix))?.[1] ?? (routes.otherwise[0].test(id) ? routes.otherwise[1] : undefined);
    await handler?.(args);
  };
}

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
type ClosedArgs = SlackViewMiddlewareArgs<ViewClosedAction> & AllMiddlewareArgs;
export type ViewArgs = SlackViewMiddlewareArgs<SlackViewAction> & AllMiddlewareArgs;

export interface ViewRoutes {
  /** callback_id → handler, for view_submission payloads. */
  submission: Record<string, (args: SubmitArgs) => Promise<void>>;
  /** callback_id → handler, for view_closed payloads. */
  closed: Record<string, (args: ClosedArgs) => Promise<void>>;
}

/** One handler for every view payload: by type, then callback_id (of the view, as Bolt's matcher reads it). */
export function viewRouter(routes: ViewRoutes): (args: ViewArgs) => Promise<void> {
  const submission = new Map(Object.entries(routes.submission));
  const closed = new Map(Object.entries(routes.closed));
  return async (args) => {
    const body = args.body as { type?: string; view?: { callback_id?: string }; callback_id?: string };
    const callbackId = body.view ? body.view.callback_id : body.callback_id;
    if (callbackId === undefined) return;
    if (body.type === 'view_submission') await submission.get(callbackId)?.(args as SubmitArgs);
    else if (body.type === 'view_closed') await closed.get(callbackId)?.(args as ClosedArgs);
  };
}
