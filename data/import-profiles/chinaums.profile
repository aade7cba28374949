# Counterfoil import profile: 银联商务 (ChinaUMS) 交易明细 and 对账单, as
# downloaded from its merchant service platform (商户服务平台 → 交易查询 /
# 对账单下载). Layout: 银联商务商户服务平台 对账单说明. The reference no. is
# headed 检索号 (系统检索号), settlement 清算金额, and statements carry the
# settlement date (清算日期) beside the transaction's own date and time.

[Profile]
Name=chinaums
Kind=statement
Title=ChinaUMS transactions or statement (银联商务)
Title[zh_CN]=银联商务交易明细或对账单
Currency=CNY
TimeZone=Asia/Shanghai
Signature=检索号

[Columns]
datetime=交易日期时间;交易时间戳
date=交易日期;清算日期
time=交易时间
merchant_no=商户编号;商户号
merchant_name=商户名称
terminal_no=终端编号;终端号
operator_no=操作员号;操作员
batch_no=批次号
voucher_no=凭证号;终端流水号;流水号
ref_no=检索号;系统检索号;参考号
auth_code=授权码;授权号
card_no=卡号;交易卡号
card_kind=卡类型;卡种;卡性质
issuer=发卡行;发卡机构
type=交易类型
amount=交易金额
fee=手续费;商户手续费
net_amount=清算金额;结算金额
status=交易状态;应答码
orig_ref_no=原检索号;原交易检索号
orig_voucher_no=原凭证号;原流水号

[Types]
sale=消费;普通消费;消费交易
void=消费撤销;撤销;冲正
refund=退货;退款;联机退货
preauth=预授权
preauth_void=预授权撤销
auth_complete=预授权完成
auth_complete_void=预授权完成撤销

[Checks]
net=net_amount = amount - fee
