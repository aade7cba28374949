# Counterfoil import profile: Square's "Transactions" CSV export
# (Square Dashboard → Transactions → Export → Transactions CSV).

[Profile]
Name=square
Title=Square transactions export
Title[zh_CN]=Square 交易导出
DateOrder=mdy
Currency=USD

[Columns]
date=Date
time=Time
time_zone=Time Zone
amount=Gross Sales
fee=Fees
net_amount=Net Total
source_id=Payment ID;Transaction ID
ref_no=Transaction ID
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
