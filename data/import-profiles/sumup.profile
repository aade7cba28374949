# Counterfoil import profile: SumUp's transactions report (Dashboard → Sales →
# Transactions → Export), in English or German. Layout: SumUp Help Centre,
# “Sales history and transaction report” (https://help.sumup.com/en-GB/articles/115008342227).
# One row per payment or refund with its status; cash sales are rows too;
# failed payments are not sales.

[Profile]
Name=sumup
Kind=processor
Title=SumUp transactions report
Title[zh_CN]=SumUp 交易报告
Currency=EUR

[Columns]
datetime=Date;Datum;Transaction Date;Transaktionsdatum
ref_no=Transaction ID;Transaktions-ID;Transaktions ID;Transaction Code;Transaktionscode
type=Transaction Type;Transaktionsart;Type;Typ
status=Status
card_brand=Card Type;Kartentyp;Card Scheme
card_no=Last 4 Digits;Letzte 4 Ziffern;Card Number;Kartennummer
entry_mode=Entry Mode;Eingabemodus
auth_code=Auth Code;Authorization Code;Autorisierungscode
amount=Total Amount;Gesamtbetrag;Amount;Betrag
fee=Fee;Gebühr;Transaction Fee;Transaktionsgebühr
net_amount=Payout;Auszahlung;Payout Amount;Auszahlungsbetrag;Net Amount;Nettobetrag
currency=Currency;Währung
operator_no=Employee;Mitarbeiter;User;Account;Konto
merchant_name=Email;E-Mail
payment_method=Payment Method;Zahlungsart;Payment Type

[Skip]
status=Failed;Fehlgeschlagen;Cancelled;Canceled;Storniert;Abgebrochen;Declined;Abgelehnt

[Types]
sale=Sale;Payment;Verkauf;Zahlung;Successful;Erfolgreich
refund=Refund;Erstattung;Rückerstattung;Refunded
void=Chargeback;Rückbuchung

[EntryModes]
swipe=Swipe;Magnetic Stripe;Magnetstreifen
chip=Chip;EMV
contactless=Contactless;Kontaktlos;NFC;Tap
manual=Manual;Manuell;Keyed;Manual entry
