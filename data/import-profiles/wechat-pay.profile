# Counterfoil import profile: WeChat Pay's merchant trade bill (交易账单), as
# downloaded from pay.weixin.qq.com or by the downloadbill API.
# Layout: 微信支付商户文档「下载交易账单」, 交易账单格式说明
# (https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=9_6): a header
# row, then one row per payment or refund with a backtick before every value,
# then a summary block with a header of its own (总交易单数,应结订单总金额,…).
# Amounts are in yuan. A refund row repeats the order's amount and states
# what was refunded beside it; older bills call the order's amount 总金额.

[Profile]
Name=wechat-pay
Kind=wallet
Title=WeChat Pay trade bill
Title[zh_CN]=微信支付交易账单
Currency=CNY
TimeZone=Asia/Shanghai
StripPrefix=`
SummaryStart=总交易单数
Signature=微信订单号;商户订单号;交易状态
Method=wechat

[Columns]
datetime=交易时间
merchant_no=商户号
terminal_no=设备号
ref_no=微信订单号
source_id=商户订单号
refund_id=微信退款单号
type=交易状态
currency=货币种类
amount=订单金额;总金额;应结订单金额
refund_amount=申请退款金额;退款金额
fee=手续费

[Types]
sale=SUCCESS;支付成功
refund=REFUND;转入退款;退款
void=REVOKED;已撤销
