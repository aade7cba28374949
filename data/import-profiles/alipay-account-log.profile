# Counterfoil import profile: Alipay's account log (账务明细), as downloaded
# from the merchant centre (商家中心 → 账务明细 → 下载) or by
# alipay.data.dataservice.bill.downloadurl.query with bill_type=signcustomer.
# Layout: 支付宝开放平台文档「查询对账单下载地址」, 账务明细 (GBK, `#` lines above
# and below the table). Money in and money out are two columns; fee lines
# (收费), withdrawals and transfers are not sales.

[Profile]
Name=alipay-account-log
Kind=wallet
Title=Alipay account log (账务明细)
Title[zh_CN]=支付宝账务明细
Currency=CNY
TimeZone=Asia/Shanghai
CommentPrefix=#
Signature=账务流水号;业务流水号
Method=alipay

[Columns]
datetime=发生时间;入账时间
ref_no=业务流水号
refund_id=账务流水号
source_id=商户订单号
income=收入金额
expense=支出金额
type=业务类型

[Skip]
type=收费;服务费;提现;转账;充值;保证金;分账;佣金;余额宝;红包

[Types]
sale=在线支付;交易付款;交易;当面付;收款;交易收款
refund=交易退款;退款;退款（交易退款）
