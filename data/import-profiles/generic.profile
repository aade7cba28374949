# Counterfoil import profile: POS terminal journals and acquirer statements
# with Chinese or English headers. Copy this file to
# ~/.local/share/counterfoil/import-profiles/ under another Name to teach
# Counterfoil your acquirer's own column names; a file with the same Name
# replaces the built-in one. Lists are separated by semicolons; headers are
# compared without case, spaces, punctuation or a unit in brackets.

[Profile]
Name=generic
# A file with fees or settled amounts is the acquirer's statement; one
# without, the terminal's journal.
Kind=auto
Title=Terminal journal or acquirer statement (Chinese or English headers)
Title[zh_CN]=终端流水或收单对账单（中英文表头）
DateOrder=ymd
Currency=CNY
TimeZone=Asia/Shanghai
# WeChat-style exports put a backtick before every value to keep it text.
StripPrefix=`

[Columns]
datetime=交易时间戳;交易日期时间;交易日期及时间;清算日期时间;日期时间;datetime;date_time;transaction_datetime;txn_datetime;timestamp;transaction_time_stamp;trans_datetime
date=交易日期;日期;交易日;清算日期;记账日期;date;txn_date;transaction_date;trans_date;tran_date;local_date
time=交易时间;时间;time;txn_time;transaction_time;trans_time;tran_time;local_time
merchant_no=商户编号;商户号;商户代码;商户编码;merchant_no;merchant_id;merchant_number;mid;merchant_code
merchant_name=商户名称;商户名;商户简称;merchant_name;merchant;mer_name
terminal_no=终端号;终端编号;终端代码;终端;设备号;设备编号;机具号;terminal_no;terminal_id;terminal;tid;terminal_number;device_id
operator_no=操作员;操作员号;操作员编号;收银员;收银员号;operator;operator_no;operator_id;cashier;clerk;user_id
batch_no=批次号;交易批次号;批次;batch_no;batch;batch_number;batch_id
voucher_no=凭证号;流水号;终端流水号;POS流水号;凭证流水号;系统跟踪号;跟踪号;凭证编号;trace_no;voucher_no;stan;trace;trace_number;invoice_no;system_trace_audit_number
ref_no=参考号;银联参考号;系统参考号;检索参考号;检索号;交易参考号;系统检索号;rrn;reference_no;ref_no;retrieval_reference_number;reference_number;ref
auth_code=授权码;授权号;auth_code;approval_code;authorization_code;auth_no;auth_id
card_no=卡号;交易卡号;银行卡号;账号;账户号;主账号;card_no;card_number;pan;masked_pan;card;account_no;acct_no
card_brand=卡品牌;卡组织;卡品种;card_brand;brand;card_scheme;scheme;network;card_network
card_kind=卡类型;卡类别;卡种;卡性质;借贷记标识;借贷标志;card_type;card_kind;card_category;funding_type
issuer=发卡行;发卡行名称;发卡机构;发卡银行;issuer;issuer_name;issuing_bank;issuer_bank
acquirer=收单行;收单机构;收单行名称;acquirer;acquirer_name;acquiring_bank
type=交易类型;交易类别;交易名称;业务类型;transaction_type;txn_type;trans_type;type;tran_type
amount=交易金额;金额;消费金额;交易本金;订单金额;支付金额;amount;txn_amount;transaction_amount;trans_amount;gross_amount
fee=手续费;手续费金额;商户手续费;fee;fees;mdr;commission
net_amount=结算金额;清算金额;入账金额;到账金额;应结算金额;实际结算金额;净额;net_amount;settlement_amount;net
status=交易状态;状态;应答码;处理结果;status;result;response;transaction_status
entry_mode=输入方式;刷卡方式;交易介质;服务点输入方式;entry_mode;pos_entry_mode;card_entry;entry_method
currency=币种;货币;交易币种;currency;currency_code;ccy
time_zone=时区;time_zone;timezone;tz
orig_voucher_no=原凭证号;原流水号;原交易凭证号;原跟踪号;orig_trace_no;original_trace_no;orig_voucher_no;original_voucher_no;orig_stan
orig_ref_no=原参考号;原交易参考号;原系统参考号;orig_rrn;original_rrn;orig_ref_no;original_reference_no;original_ref_no
orig_date=原交易日期;原日期;orig_date;original_date;original_transaction_date
payment_method=支付方式;付款方式;支付渠道;支付类型;payment_method;payment_type;tender;tender_type
source_id=交易流水号;拉卡拉流水号;拉卡拉订单号;收单流水号;订单号;交易编号;交易单号;平台订单号;平台流水号;系统订单号;渠道订单号;渠道流水号;上游订单号;第三方订单号;商户订单号;transaction_id;txn_id;trans_id;order_no;payment_id
order_no=商户订单号;业务系统订单号;商家订单号;外部订单号;merchant_order_no;merchant_order_id;merchant_reference;external_order_id
channel_no=渠道流水号;渠道订单号;渠道交易单号;交易平台单号;上游订单号;第三方订单号;channel_transaction_no;channel_order_no
store=门店;门店名称;分店;分店名称;店铺;店铺名称;store;store_name;location;shop

[Types]
sale=消费;普通消费;消费交易;刷卡消费;扫码消费;扫码支付;销售;sale;purchase;payment;debit;sales;verkauf;zahlung;vente;venta
void=消费撤销;撤销;撤消;消费撤消;扫码撤销;void;cancel;cancellation;sale_void;reversal;冲正;storno;annulation;anulación
refund=退货;退款;联机退货;脱机退货;扫码退款;扫码退货;refund;return;credit;erstattung;rückerstattung;remboursement;reembolso
preauth=预授权;pre-authorization;preauth;pre_auth;authorization
preauth_void=预授权撤销;preauth_void;pre_auth_void;authorization_void
auth_complete=预授权完成;预授权完成请求;预授权完成通知;auth_complete;auth_completion;completion;preauth_completion
auth_complete_void=预授权完成撤销;auth_complete_void;completion_void

[EntryModes]
swipe=刷卡;磁条;磁条卡;swipe;swiped;magstripe;magnetic_stripe;s;90;02
chip=插卡;芯片;IC;IC卡;chip;emv;contact;i;05;dip
contactless=挥卡;非接;闪付;非接触;contactless;tap;nfc;c;07;quickpass
manual=手输;手工;手输卡号;manual;keyed;key_entered;m;01

# Failed and closed orders are not sales.
[Skip]
status=失败;交易失败;支付失败;已关闭;订单关闭;未支付;failed;declined;closed

# A row that carries the amount, the fee and what was settled must add up;
# a refund's fee may be written with either sign.
[Checks]
net=net_amount = amount - fee
