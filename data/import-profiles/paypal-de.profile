# Counterfoil import profile: PayPal's activity download in German
# (Aktivitäten → Kontoauszüge → Aktivitätsdownload).
# Layout: PayPal Hilfe-Center, „Spaltennamen im Aktivitätsdownload (CSV)“
# (https://www.paypal.com/de/cshelp/article/help145). Dates are day first,
# amounts have a decimal comma (1.234,56), the zone is MEZ or MESZ, the fee
# is negative and Netto = Brutto + Gebühr.

[Profile]
Name=paypal-de
Kind=processor
Title=PayPal activity download (German)
Title[zh_CN]=PayPal 活动下载（德语）
Currency=EUR
DateOrder=dmy
DecimalComma=true
Signature=Brutto;Netto;Transaktionscode

[Columns]
date=Datum
time=Uhrzeit
time_zone=Zeitzone
merchant_name=Empfänger E-Mail-Adresse
type=Typ
status=Status
currency=Währung
amount=Brutto
fee=Gebühr
net_amount=Netto
ref_no=Transaktionscode
source_id=Rechnungsnummer;Empfangsnummer
orig_ref_no=Zugehöriger Transaktionscode

[Skip]
type=Allgemeine Abbuchung;Abbuchung auf Bankkonto;Bankgutschrift auf PayPal-Konto;Allgemeine Währungsumrechnung;Währungsumrechnung;Einbehaltung für offene Autorisierung;Allgemeine Autorisierung;Autorisierung;Stornierung einer Autorisierung;Einbehaltung für Konfliktprüfung;Rückbuchung allgemeiner Einbehaltung;Zahlungseinbehaltung;Zahlungsfreigabe;Von Nutzer eingeleitete Abbuchung
status=Abgelehnt;Fehlgeschlagen;Storniert

[Types]
sale=Allgemeine Zahlung;Express-Checkout-Zahlung;Website-Zahlung;Handyzahlung;Zahlung erhalten;Spendenzahlung;Abonnementzahlung;Rechnungszahlung;Zahlung im Einzugsverfahren mit Zahlungsrechnung;Mobile Zahlung
refund=Rückzahlung;Erstattung;Zahlungsrückbuchung;Rückbuchung

[Checks]
net=Netto = Brutto + Gebühr
