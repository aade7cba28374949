# Counterfoil import profile: Stripe's payments export (Dashboard → Payments →
# Export, unified_payments.csv). Layout: Stripe documentation, “Exporting
# payments” (https://docs.stripe.com/payments/export). One row per payment,
# times in UTC; a refund changes the payment's Amount Refunded, it is not a
# row of its own. Failed and uncaptured payments are not sales.

[Profile]
Name=stripe-payments
Kind=processor
Title=Stripe payments export
Title[zh_CN]=Stripe 付款导出
Currency=USD
TimeZone=UTC
Signature=Amount Refunded;Seller Message

[Columns]
datetime=Created date (UTC);Created (UTC);Created
ref_no=id
source_id=PaymentIntent ID
amount=Amount
fee=Fee
currency=Currency
status=Status
card_brand=Card Brand
card_no=Card Last4
card_kind=Card Funding

[Skip]
status=Failed;Canceled;Uncaptured;Blocked;Incomplete;Requires payment method
