# Counterfoil import profile: Square's transactions export (Square Dashboard →
# Transactions → Export → Transactions CSV), the current layout and the
# older one without Time and Transaction ID columns.
# Layout: Square Support, “Export your transaction history”
# (https://squareup.com/help/us/en/article/5072). What the customer was
# charged is Total Collected (Gross Sales leaves out tax and tip); fees are
# negative, and Net Total = Total Collected + Fees. Time Zone holds a display
# name such as “Pacific Time (US & Canada)”.

[Profile]
Name=square
Kind=processor
Title=Square transactions export
Title[zh_CN]=Square 交易导出
DateOrder=mdy
Currency=USD
Signature=Gross Sales

[Columns]
date=Date
time=Time
time_zone=Time Zone
amount=Total Collected;Gross Sales
fee=Fees
net_amount=Net Total
ref_no=Transaction ID;Payment ID
source_id=Payment ID
card_brand=Card Brand
card_no=PAN Suffix
entry_mode=Card Entry Methods
terminal_no=Device Name;Device Nickname
operator_no=Staff ID;Staff Name
type=Event Type
merchant_name=Location

[Types]
sale=Payment;Sale
refund=Refund
void=Void

[EntryModes]
swipe=Swiped
chip=EMV;Dipped;Chip
contactless=Contactless;Tapped
manual=Keyed;Manually Entered;Card On File

[Checks]
net=Net Total = Total Collected + Fees
total=Total Collected = Net Sales + Tax + Tip + Service Charges? + Gift Card Sales? + Partial Refunds?

# How a sale was paid is the column its money is in.
[MethodColumns]
card=Card
cash=Cash
other=Other Tender;Square Gift Card
