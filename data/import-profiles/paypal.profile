# Counterfoil import profile: PayPal's activity download (Activity → Statements
# → Activity download, “Balance affecting” or “All”), in English.
# Layout: PayPal Help Center, “Activity download (CSV) column names”
# (https://www.paypal.com/us/cshelp/article/help145). Dates are in the
# account's own order (the file's dates decide), the zone is a column (PST,
# PDT…), the fee is negative and Net = Gross + Fee. Withdrawals, currency
# conversions and holds are not sales.

[Profile]
Name=paypal
Kind=processor
Title=PayPal activity download
Title[zh_CN]=PayPal 活动下载
Currency=USD
Signature=Gross;Fee;Net;Transaction ID

[Columns]
date=Date
time=Time
time_zone=TimeZone;Time Zone
merchant_name=To Email Address
type=Type
status=Status
currency=Currency
amount=Gross
fee=Fee
net_amount=Net
ref_no=Transaction ID
source_id=Invoice Number;Receipt ID
orig_ref_no=Reference Txn ID

[Skip]
type=General Withdrawal;User Initiated Withdrawal;Withdrawal;Transfer to Bank;General Currency Conversion;Currency Conversion;Bank Deposit to PP Account;General Credit Card Withdrawal;General Credit Card Deposit;Hold on Balance for Dispute Investigation;Reversal of General Account Hold;Account Hold for Open Authorization;General Hold;General Hold Release;Payment Hold;Payment Release;General Authorization;Void of Authorization;Authorization;Order;Partner Fee;Reserve Hold;Reserve Release;Express Checkout Authorization
status=Denied;Failed;Canceled;Cancelled;Voided

[Types]
sale=Express Checkout Payment;General Payment;Website Payment;Mobile Payment;Subscription Payment;Payment Received;PreApproved Payment Bill User Payment;Donation Payment;eBay Auction Payment;Invoice Payment;Point of Sale Payment;Payment;Virtual Terminal Payment;PayPal Here Payment
refund=Payment Refund;Refund;Payment Reversal;Chargeback;Buyer Credit Payment Refund

[Checks]
net=Net = Gross + Fee
