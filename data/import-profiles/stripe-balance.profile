# Counterfoil import profile: Stripe's balance history (Dashboard → Balances →
# All activity → Export, balance_history.csv). Layout: Stripe documentation,
# “Balance transactions” (https://docs.stripe.com/reports/balance-transaction-types).
# Amounts in major units, times in UTC; payouts, Stripe's fees and
# adjustments are not sales.

[Profile]
Name=stripe-balance
Kind=processor
Title=Stripe balance history (all transactions)
Title[zh_CN]=Stripe 余额记录（全部交易）
Currency=USD
TimeZone=UTC
Signature=Available On;Source;Net

[Columns]
datetime=Created (UTC);Created
ref_no=Source
source_id=id
amount=Amount
fee=Fee
net_amount=Net
currency=Currency
type=Type

[Skip]
type=payout;payout_cancel;payout_failure;stripe_fee;adjustment;transfer;transfer_cancel;transfer_failure;transfer_refund;application_fee;application_fee_refund;network_cost;tax_fee;reserve_transaction;reserved_funds;topup;topup_reversal;contribution;connect_collection_transfer;issuing_authorization_hold;issuing_authorization_release;advance;advance_funding;anticipation_repayment;climate_order_purchase;climate_order_refund;obligation_outbound;obligation_reversal_inbound;payment_network_reserve_hold;payment_network_reserve_release

[Types]
sale=charge;payment
refund=refund;payment_refund
void=payment_failure_refund

[Checks]
net=Net = Amount - Fee
