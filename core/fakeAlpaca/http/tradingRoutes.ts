import { parseOrderSpec, parseReplaceSpec } from '../book/orderSpec';
import { isOpen, type FakeAlpacaOrder } from '../model';
import type { AlpacaContext } from '../server/context';
import { notFound, invalidRequest } from '../wire/apiError';
import { accountJson, activityId, assetJson, fillActivityJson, orderJson, positionJson, type Json } from '../wire/tradingJson';
import { json, type ApiRequest, type ApiResponse, type Route } from './jsonServer';
import { boolParam, enumParam, intParam, listParam, numberParam, timeParam } from './query';
import { clockJson } from './clock';

const ACTIVITY_TYPES = ['FILL', 'TRANS', 'MISC', 'ACATC', 'ACATS', 'CSD', 'CSW', 'DIV', 'DIVCGL', 'DIVCGS', 'DIVNRA', 'DIVROC', 'DIVTXEX', 'FEE', 'INT', 'JNLC', 'JNLS', 'MA', 'NC', 'PTC', 'REORG', 'SSO', 'SSP', 'CFEE'];

function route(method: Route['method'], pattern: RegExp, handle: (req: ApiRequest) => ApiResponse): Route {
  return { method, pattern, auth: true, handle };
}

/** Trading API v2 (the paper-api host): account, orders, positions, activities, clock, assets. */
export function tradingRoutes(ctx: AlpacaContext): Route[] {
  const order = (o: FakeAlpacaOrder, nested = true): Json => orderJson(o, ctx.book, nested);
  return [
    route('GET', /^\/v2\/account$/, () => json(200, accountJson(ctx.book, { id: ctx.accountId, number: ctx.accountNumber, createdAt: ctx.createdAt }, ctx.lastEquity(), ctx.now()))),
    route('GET', /^\/v2\/clock$/, () => json(200, clockJson(ctx.now()))),
    route('GET', /^\/v2\/assets$/, () => json(200, ctx.assets.map(assetJson))),
    route('GET', /^\/v2\/assets\/([^/]+)$/, (r) => {
      const asset = ctx.book.lookup(r.params[0]) ?? ctx.assets.find((a) => a.id === r.params[0]);
      if (!asset) throw notFound(`asset not found for ${r.params[0]}`);
      return json(200, assetJson(asset));
    }),
    route('POST', /^\/v2\/orders$/, (r) => {
      const spec = parseOrderSpec(r.body);
      const o = ctx.book.submit(spec);
      // Alpaca answers with the order as accepted; routing and any immediate fill follow on the stream.
      const body = order(o);
      if (ctx.takeRejectOrder()) ctx.book.reject(o);
      else ctx.book.activate(o);
      return { ...json(200, body), lose: ctx.takeLostOrderResponse() };
    }),
    route('GET', /^\/v2\/orders$/, (r) => json(200, listOrders(ctx, r.query).map((o) => order(o, boolParam(r.query, 'nested', false))))),
    route('DELETE', /^\/v2\/orders$/, () =>
      json(207, ctx.book.cancelAll().map((o) => ({ id: o.id, status: 200, body: order(o) }))),
    ),
    route('GET', /^\/v2\/orders:by_client_order_id$/, (r) => {
      const id = r.query.get('client_order_id');
      if (!id) throw invalidRequest('client_order_id is required');
      return json(200, order(ctx.book.byClientOrderId(id)));
    }),
    route('GET', /^\/v2\/orders\/([^/]+)$/, (r) => json(200, order(ctx.book.get(r.params[0]), boolParam(r.query, 'nested', false)))),
    route('PATCH', /^\/v2\/orders\/([^/]+)$/, (r) => json(200, order(ctx.book.replace(r.params[0], parseReplaceSpec(r.body))))),
    route('DELETE', /^\/v2\/orders\/([^/]+)$/, (r) => {
      ctx.book.cancel(r.params[0]);
      return json(204);
    }),
    route('GET', /^\/v2\/positions$/, () => json(200, heldAssets(ctx).map((a) => positionJson(ctx.book, a, previousClose(ctx, a.index))))),
    route('DELETE', /^\/v2\/positions$/, (r) => {
      if (boolParam(r.query, 'cancel_orders', false)) ctx.book.cancelAll();
      return json(
        207,
        heldAssets(ctx).map((a) => ({ symbol: a.symbol, status: 200, body: order(ctx.book.closePosition(a.symbol, { qty: null, percentage: null })) })),
      );
    }),
    route('GET', /^\/v2\/positions\/([^/]+)$/, (r) => {
      const asset = ctx.book.lookup(r.params[0]);
      if (!asset || ctx.book.portfolio.qty[asset.index] === 0) throw notFound('position does not exist');
      return json(200, positionJson(ctx.book, asset, previousClose(ctx, asset.index)));
    }),
    route('DELETE', /^\/v2\/positions\/([^/]+)$/, (r) => {
      const qty = numberParam(r.query, 'qty');
      const percentage = numberParam(r.query, 'percentage');
      if (qty !== null && percentage !== null) throw invalidRequest('only one of qty or percentage may be given');
      if (percentage !== null && percentage > 100) throw invalidRequest(`percentage must be in 0..100, got ${percentage}`);
      return json(200, order(ctx.book.closePosition(r.params[0], { qty, percentage })));
    }),
    route('GET', /^\/v2\/account\/activities$/, (r) => json(200, activities(ctx, r.query, listParam(r.query, 'activity_types')))),
    route('GET', /^\/v2\/account\/activities\/([^/]+)$/, (r) => json(200, activities(ctx, r.query, [r.params[0].toUpperCase()]))),
  ];
}

function heldAssets(ctx: AlpacaContext) {
  return ctx.assets.filter((a) => ctx.book.portfolio.qty[a.index] !== 0);
}

function previousClose(ctx: AlpacaContext, index: number): number {
  return ctx.market.previousClose(ctx.market.instruments[index]);
}

function listOrders(ctx: AlpacaContext, q: URLSearchParams): FakeAlpacaOrder[] {
  const status = enumParam(q, 'status', ['open', 'closed', 'all'] as const, 'open');
  const limit = intParam(q, 'limit', 50, 1, 500);
  const direction = enumParam(q, 'direction', ['asc', 'desc'] as const, 'desc');
  const nested = boolParam(q, 'nested', false);
  const after = timeParam(q, 'after');
  const until = timeParam(q, 'until');
  const symbols = new Set(listParam(q, 'symbols'));
  const side = enumParam(q, 'side', ['buy', 'sell', ''] as const, '');
  const list = ctx.book.orders.filter(
    (o) =>
      (status === 'all' || (status === 'open') === isOpen(o.status)) &&
      (!nested || o.parentId === null) &&
      (after === null || o.submittedAt > after) &&
      (until === null || o.submittedAt < until) &&
      (symbols.size === 0 || symbols.has(o.asset.symbol)) &&
      (side === '' || o.side === side),
  );
  // Submission order is creation order; the newest first unless asked otherwise.
  if (direction === 'desc') list.reverse();
  return list.slice(0, limit);
}

function activities(ctx: AlpacaContext, q: URLSearchParams, types: string[]): Json[] {
  for (const t of types) if (!ACTIVITY_TYPES.includes(t)) throw invalidRequest(`activity_types: unknown activity type "${t}"`);
  if (types.length > 0 && !types.includes('FILL')) return [];
  const direction = enumParam(q, 'direction', ['asc', 'desc'] as const, 'desc');
  const pageSize = intParam(q, 'page_size', 100, 1, 100);
  const date = timeParam(q, 'date');
  const after = timeParam(q, 'after');
  const until = timeParam(q, 'until');
  const token = q.get('page_token');
  let fills = ctx.book.fills.filter(
    (f) =>
      (date === null || (f.time >= date && f.time < date + 86_400_000)) &&
      (after === null || f.time > after) &&
      (until === null || f.time < until),
  );
  if (direction === 'desc') fills = [...fills].reverse();
  if (token) {
    const at = fills.findIndex((f) => activityId(f) === token);
    if (at < 0) throw invalidRequest(`page_token: no activity "${token}"`);
    fills = fills.slice(at + 1);
  }
  return fills.slice(0, pageSize).map(fillActivityJson);
}
