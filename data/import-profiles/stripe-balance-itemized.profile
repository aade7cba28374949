# Counterfoil import profile: Stripe's “Balance change from activity —
# itemized” report (Reports → Balance → Download, balance_change_from_activity
# _itemized). Layout: Stripe documentation, “Report types: balance”
# (https://docs.stripe.com/reports/report-types/balance). Amounts in major
# units, times in UTC; payouts, Stripe's fees, transfers and disputes are
# balance movements, not sales.

[Profile]
Name=stripe-balance-itemized
Kind=processor
Title=Stripe balance change from activity (itemized)
Title[zh_CN]=Stripe 余额变动明细
Currency=USD
TimeZone=UTC
Signature=balance_transaction_id;reporting_category

[Columns]
datetime=created_utc;created
ref_no=source_id
source_id=balance_transaction_id
amount=gross
fee=fee
net_amount=net
currency=currency
type=reporting_category
card_brand=card_brand
payment_method=payment_method_type
card_kind=card_funding

[Skip]
type=payout;payout_reversal;fee;transfer;transfer_reversal;topup;topup_reversal;contribution;risk_reserved_funds;other_adjustment;dispute;dispute_reversal;connect_reserved_funds;tax;platform_earning;platform_earning_refund

[Types]
sale=charge;payment
refund=refund;payment_refund;partial_capture_reversal
void=payment_failure_refund;charge_failure

[Checks]
net=net = gross - fee
