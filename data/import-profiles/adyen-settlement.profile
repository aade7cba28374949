# Counterfoil import profile: Adyen's Settlement details report
# (settlement_detail_report_batch_N.csv). Layout: Adyen documentation,
# “Settlement details report” (https://docs.adyen.com/reporting/settlement-detail-report).
# A sale is credited (Gross Credit), a refund debited (Gross Debit), in the
# gross currency; a refund's own PSP reference is its Modification Reference.
# Fees, payouts, balance transfers and corrections are not sales.

[Profile]
Name=adyen-settlement
Kind=processor
Title=Adyen settlement details report
Title[zh_CN]=Adyen 结算明细报告
Currency=EUR
Signature=Psp Reference;Gross Credit (GC);Gross Debit (GC)

[Columns]
datetime=Creation Date
time_zone=TimeZone
merchant_name=Merchant Account
ref_no=Psp Reference
source_id=Merchant Reference
refund_id=Modification Reference
type=Type
currency=Gross Currency
income=Gross Credit (GC)
expense=Gross Debit (GC)
fee=Commission (NC)
payment_method=Payment Method
card_brand=Payment Method Variant
batch_no=Batch Number

[Skip]
type=Fee;MiscCosts;MerchantPayout;Balancetransfer;DepositCorrection;InvoiceDeduction;PaymentCost;ReserveAdjustment;Chargeback;ChargebackReversed;SecondChargeback;ChargebackReversedCorrection;AdvancementCommissionExternallyWithInfo;CashOutFunding;CashOutInstruction;CashOutFee;CashOutReimbursement;MatchedStatement;ManualCorrected;BankInstructionReturned

[Types]
sale=Settled;SettledBulk;SettledInInstallments;SettledExternallyWithInfo
refund=Refunded;RefundedBulk;RefundedInInstallments;RefundedExternallyWithInfo
void=RefundedReversed
