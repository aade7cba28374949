# Counterfoil import profile: 通联支付 (Allinpay) 云商通's daily reconciliation
# file, yyyy-mm-dd_<app no.>_checkFile.txt, downloaded by the platform API.
# Layout: 通联支付开放平台文档「对账文件下载」(https://prodoc.allinpay.com/doc/693):
# no header row; one order per line, fields separated by "|" with one after
# the last; 交易金额 and 渠道手续费 in fen; 交易时间 yyyyMMddHHmmss; 通联订单号
# is Allinpay's own number for the order, 原通联订单号 a refund's original.
# The file lists every successful order of the platform — top-ups,
# withdrawals and transfers too, which are not sales and are skipped.

[Profile]
Name=allinpay-yst-checkfile
Kind=processor
Title=Allinpay 云商通 checkFile
Title[zh_CN]=通联云商通对账文件
Currency=CNY
TimeZone=Asia/Shanghai
Method=other
HeaderlessColumns=通联订单号;订单类型;交易金额(单位:分);平台抽佣金额(单位:分);交易时间;商户订单号;原商户订单号;原通联订单号;支付模式;扩展参数;结算金额;预留字段1;预留字段2;预留字段3;渠道金额;渠道流水号;渠道手续费(单位:分);渠道交易类型;卡号;卡类别;渠道商户号;门店名称;终端号

[Columns]
datetime=交易时间
source_id=通联订单号
type=订单类型
amount=交易金额(单位:分)
fee=渠道手续费(单位:分)
orig_ref_no=原通联订单号
payment_method=支付模式
card_no=卡号
card_kind=卡类别
merchant_no=渠道商户号
merchant_name=门店名称
terminal_no=终端号

[Skip]
type=充值;充值申请;提现;提现申请;转账;转账申请;代付;代付申请;托管代付;托管代付申请;单笔托管代付;批量托管代付;分账;平台转账

[Types]
sale=消费;消费申请;代收;代收申请;托管代收;托管代收申请;单笔托管代收
refund=退款;退款申请

# 支付模式: Allinpay's codes for how the customer paid.
[Methods]
wechat=WECHAT_PUBLIC;WECHATPAY_MINIPROGRAM;WECHATPAY_APP;WECHATPAY_H5;SCAN_WEIXIN;CODEPAY_W;WECHAT_PUBLIC_ORG;WECHATPAY_MINIPROGRAM_ORG
alipay=ALIPAY_SERVICE;ALIPAY_APP_OPEN;SCAN_ALIPAY;CODEPAY_A;ALIPAY_SERVICE_ORG
unionpay_qr=SCAN_UNIONPAY;CODEPAY_U;UNIONPAY_JS
card=POSORDER;QUICKPAY_VSP;GATEWAY_VSP;QUICKPAY;GATEWAY;CODEPAY_VSP_CARD
