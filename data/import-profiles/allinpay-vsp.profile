# Counterfoil import profile: 通联支付 (Allinpay) 收银宝 对账单, the daily
# statement downloaded from the 收银宝 merchant platform or its API.
# Layout: 通联支付开放平台文档「对账单明细」(https://prodoc.allinpay.com/doc/1403):
# comma-separated, a header row; 交易时间 holds only HH:mm:ss beside 交易日期;
# 交易单号 is Allinpay's own number for the transaction, 原交易单 a refund's
# or void's original; amounts in yuan.

[Profile]
Name=allinpay-vsp
Kind=statement
Title=Allinpay 收银宝 statement
Title[zh_CN]=通联收银宝对账单
Currency=CNY
TimeZone=Asia/Shanghai
Signature=交易单号;对接应用号

[Columns]
date=交易日期
time=交易时间
merchant_no=商户号
merchant_name=门店名称
terminal_no=终端号
batch_no=交易批次号
voucher_no=凭证号
ref_no=参考号
card_no=卡号
card_kind=卡类别
issuer=发卡行名称
type=交易类型
amount=交易金额
fee=手续费
net_amount=结算金额
source_id=交易单号
order_no=订单号
orig_ref_no=原交易单

[Types]
sale=消费;刷卡消费;微信支付;支付宝支付;银联扫码支付;云闪付支付;扫码支付;微信扫码支付;支付宝扫码支付;快捷支付
void=撤销;消费撤销;冲正;微信撤销;支付宝撤销
refund=退货;退款;微信退款;支付宝退款;银联扫码退货;云闪付退款
preauth=预授权
preauth_void=预授权撤销
auth_complete=预授权完成
auth_complete_void=预授权完成撤销
