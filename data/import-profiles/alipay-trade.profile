# Counterfoil import profile: Alipay's trade details (业务明细 / 交易明细), as
# downloaded from the merchant centre or by
# alipay.data.dataservice.bill.downloadurl.query with bill_type=trade.
# Layout: 支付宝开放平台文档「查询对账单下载地址」, 业务明细 (GBK, `#` lines above
# and below the table). A refund is a row of its own with a negative amount.

[Profile]
Name=alipay-trade
Kind=wallet
Title=Alipay trade details (业务明细)
Title[zh_CN]=支付宝业务明细
Currency=CNY
TimeZone=Asia/Shanghai
CommentPrefix=#
Signature=支付宝交易号;商家实收
Method=alipay

[Columns]
datetime=完成时间;创建时间
ref_no=支付宝交易号
source_id=商户订单号
refund_id=退款批次号/请求号;退款批次号
type=业务类型
amount=订单金额
fee=服务费
terminal_no=终端号
operator_no=操作员
merchant_name=门店名称

[Types]
sale=交易;支付;收款
refund=退款
