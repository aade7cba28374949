# Counterfoil import profile: Shopify Payments' transactions export (Finances →
# Payouts → Transactions → Export). Layout: Shopify Help Center, “Shopify
# Payments: exporting transactions” (https://help.shopify.com/en/manual/payments/shopify-payments/payouts).
# The time carries its offset; the order is the only number a charge and its
# refunds have, so their time and amount tell them apart; adjustments,
# reserves and disputes are not sales.

[Profile]
Name=shopify-payments
Kind=processor
Title=Shopify Payments transactions export
Title[zh_CN]=Shopify Payments 交易导出
Currency=USD
IdentityWithTime=true
Signature=Payout Status;Presentment Amount

[Columns]
datetime=Transaction Date
type=Type
ref_no=Order
source_id=Checkout
card_brand=Card Brand
amount=Amount
fee=Fee
net_amount=Net
currency=Currency

[Skip]
type=adjustment;reserve;dispute;payout;application_fee;tax_adjustment;shop_cash_credit;chargeback;chargeback_won;chargeback_fee

[Types]
sale=charge;sale
refund=refund

[Checks]
net=Net = Amount - Fee
