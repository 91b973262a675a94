import { describe, expect, it } from 'vitest';
import { cancelOrderFields, placeOrderFields } from '../testing/rawRequests';
import { RequestError } from './fieldReader';
import { plainPlaceOrderLength } from './orderRequests';
import { parseRequest } from './requests';

const text = (fields: readonly (string | number)[]): string[] => fields.map(String);

describe('PLACE_ORDER layouts', () => {
  it('has the field count of every version boundary between 176 and 193', () => {
    const counts = [176, 177, 182, 183, 184, 186, 187, 188, 189, 190, 191, 192, 193].map((v) => [v, plainPlaceOrderLength(v)]);
    expect(counts).toEqual([
      [176, 115], [177, 114], [182, 114], [183, 115], [184, 116], [186, 116],
      [187, 118], [188, 118], [189, 119], [190, 117], [191, 117], [192, 118], [193, 118],
    ]);
  });

  it.each([176, 177, 183, 184, 187, 189, 190, 192, 193])('reads a plain order and its whatIf flag at %i', (v) => {
    const fields = placeOrderFields(v, { orderId: 12, symbol: 'AAA', action: 'SELL', quantity: 5, orderType: 'STP LMT', lmtPrice: 9.5, auxPrice: 10, tif: 'GTC', orderRef: 'r', whatIf: true });
    expect(fields).toHaveLength(plainPlaceOrderLength(v));
    expect(parseRequest(text(fields), v)).toMatchObject({
      type: 'placeOrder', orderId: 12, action: 'SELL', totalQuantity: 5, orderType: 'STP LMT', lmtPrice: 9.5, auxPrice: 10, tif: 'GTC', orderRef: 'r', transmit: true, whatIf: true,
    });
  });

  it.each([176, 177, 183, 187, 189, 192, 193])('reads the transmit, parent, OCA, trailing and display fields at %i', (v) => {
    const fields = placeOrderFields(v, {
      orderId: 14, symbol: 'AAA', action: 'SELL', quantity: 20, orderType: 'TRAIL LIMIT', auxPrice: 1.5, tif: 'GTC',
      transmit: false, parentId: 13, ocaGroup: 'grp', ocaType: 2, displaySize: 5, trailStopPrice: 98, trailingPercent: 0.5, lmtPriceOffset: 0.25,
    });
    expect(fields).toHaveLength(plainPlaceOrderLength(v));
    expect(parseRequest(text(fields), v)).toMatchObject({
      orderType: 'TRAIL LIMIT', auxPrice: 1.5, transmit: false, parentId: 13, ocaGroup: 'grp', ocaType: 2, displaySize: 5,
      trailStopPrice: 98, trailingPercent: 0.5, lmtPriceOffset: 0.25, whatIf: false,
    });
  });

  it('takes the unset spellings of those fields as unset', () => {
    const fields = text(placeOrderFields(193, { orderId: 1, symbol: 'AAA', action: 'BUY', quantity: 1, orderType: 'LMT', lmtPrice: 9 }));
    fields[31] = '2147483647'; // displaySize as Integer.MAX_VALUE
    fields[68] = '1.7976931348623157E308'; // trailStopPrice as Double.MAX_VALUE
    expect(parseRequest(fields, 193)).toMatchObject({ transmit: true, parentId: 0, ocaGroup: '', ocaType: 0, displaySize: null, trailStopPrice: null, trailingPercent: null, lmtPriceOffset: null });
  });

  it('refuses an order laid out for another version, naming the counts', () => {
    const at176 = text(placeOrderFields(176, { orderId: 1, symbol: 'AAA', action: 'BUY', quantity: 1, orderType: 'MKT' }));
    expect(() => parseRequest(at176, 193)).toThrow(new RequestError(
      'PLACE_ORDER: expected 118 fields for a plain order at version 193 (the fake TWS takes no combo, algo, condition, hedge, scale, delta-neutral or PEG attributes), got 115',
    ));
  });
});

describe('CANCEL_ORDER layouts', () => {
  it.each([176, 178, 187, 189, 190, 191, 192, 193])('reads the order id, never the version field, at %i', (v) => {
    expect(parseRequest(text(cancelOrderFields(v, 42)), v)).toEqual({ type: 'cancelOrder', orderId: 42 });
  });

  it('refuses the pre-192 layout at 193 instead of reading its version field as the order id', () => {
    expect(() => parseRequest(['4', '1', '42', ''], 193)).toThrow('CANCEL_ORDER: expected 5 fields, got 4');
    expect(() => parseRequest(['4', '42', '', '', '2147483647'], 187)).toThrow('CANCEL_ORDER: expected 7 fields, got 5');
  });
});

describe('REQ_GLOBAL_CANCEL and fixed-length requests', () => {
  it('takes the version field before 192 and the CME tags from 192', () => {
    expect(parseRequest(['58', '1'], 191)).toEqual({ type: 'reqGlobalCancel' });
    expect(parseRequest(['58', '', '2147483647'], 192)).toEqual({ type: 'reqGlobalCancel' });
    expect(() => parseRequest(['58', '1'], 193)).toThrow('REQ_GLOBAL_CANCEL: expected 3 fields, got 2');
  });

  it('refuses a request with a field too many or too few', () => {
    expect(() => parseRequest(['62', '1', '5', 'All'], 193)).toThrow('REQ_ACCOUNT_SUMMARY: expected 5 fields, got 4');
    expect(() => parseRequest(['61', '1', ''], 193)).toThrow('REQ_POSITIONS: expected 2 fields, got 3');
    expect(() => parseRequest(['1', '11', '3', '', 'AAA', 'STK', '', '', '', '', 'SMART', '', 'USD', '', '', '0', '', '0', '0'], 193)).toThrow(
      'REQ_MKT_DATA: expected 20 fields, got 19',
    );
  });

  it('names an unsupported request and finds its request id where its layout has one', () => {
    expect(parseRequest(['10', '5', '12', '', 'AAA'], 193)).toEqual({ type: 'unsupported', msgId: 10, name: 'REQ_MKT_DEPTH', reqId: 12 });
    expect(parseRequest(['87', '33', ''], 193)).toEqual({ type: 'unsupported', msgId: 87, name: 'REQ_HEAD_TIMESTAMP', reqId: 33 });
    expect(parseRequest(['80'], 193)).toEqual({ type: 'unsupported', msgId: 80, name: 'REQ_FAMILY_CODES', reqId: -1 });
    expect(parseRequest(['250', '1'], 193)).toEqual({ type: 'unsupported', msgId: 250, name: 'message 250', reqId: -1 });
  });
});
