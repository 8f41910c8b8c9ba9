"""Every label, note and sheet name of the templates, in English and Simplified Chinese.

The Chinese uses the seeds' own vocabulary: 利差收益 (carry), 汇率收益 (FX gain),
融资货币 (funding currency), 目标货币 (target currency), 名义本金 (notional), 期初汇率 /
期末汇率 (start / end spot), 持有期 (holding period), 盈亏平衡汇率 (break-even spot),
止损 (stop-loss), 隔夜利息 (overnight swap), 融资成本 (funding cost).
"""

from __future__ import annotations

__all__ = ["LABELS", "NOTES", "label", "note"]

LABELS: dict[str, tuple[str, str]] = {
    # sheet names (at most 31 characters, no []:*?/\)
    "sheet_calculator": ("Calculator", "套息计算器"),
    "sheet_asset": ("Asset carry", "资产套息"),
    "sheet_scenarios": ("Scenarios", "情景分析"),
    "sheet_swap": ("Swap", "隔夜利息"),
    "sheet_risk": ("Risk", "风险管理"),
    "sheet_rates": ("Rates", "利率表"),
    "sheet_lists": ("Lists", "选项列表"),
    # titles and help lines
    "calculator_title": (
        "Carry trade calculator: one position, P&L in the funding currency",
        "套息交易计算器：单笔头寸，以融资货币计算盈亏",
    ),
    "asset_title": (
        "Asset carry: borrow one currency, buy a foreign asset, compare with a local index",
        "资产套息：借入融资货币，买入外国资产，并与本地指数比较",
    ),
    "scenarios_title": (
        "Scenarios: total P&L over FX moves and holding periods",
        "情景分析：不同汇率变动与持有期下的总收益",
    ),
    "rates_title": ("Rates and conventions by currency", "各货币利率与市场惯例"),
    "rates_banner": (
        "EXAMPLE RATES ONLY (as of the date shown): replace them with current rates before use.",
        "以下利率仅为示例（截至所示日期）：使用前请替换为最新利率。",
    ),
    "rates_help": (
        "Blue cells are editable. Other sheets look up day counts and example rates here.",
        "蓝色单元格可编辑。其他工作表通过查找引用本表的计息惯例和示例利率。",
    ),
    "help_native": (
        "Blue cells on yellow are inputs; grey cells are locked results. Plain Excel formulas:"
        " no Python needed.",
        "黄底蓝字为输入，灰色为锁定的结果。使用普通 Excel 公式，无需 Python。",
    ),
    "help_udf": (
        "Blue cells on yellow are inputs; grey cells are locked results computed by the carryxl"
        " add-in (xlwings).",
        "黄底蓝字为输入，灰色为锁定的结果，由 carryxl 加载项（xlwings）计算。",
    ),
    "validation_error": (
        "Choose a value from the list.",
        "请从列表中选择。",
    ),
    # column headings
    "col_item": ("Item", "项目"),
    "col_value": ("Value", "数值"),
    "col_unit": ("Unit", "单位"),
    "col_end_spot": ("End spot", "期末汇率"),
    "col_total_pnl": ("Total P&L (funding currency)", "总收益（融资货币）"),
    "col_fx_move": ("FX move of the target", "目标货币汇率变动"),
    "col_asset_in_funding": ("Asset in the funding currency", "资产以融资货币计的收益率"),
    "col_local": ("Local index", "本地指数"),
    "col_moves_years": (
        "FX move \u2193 / holding period (years) \u2192",
        "汇率变动↓ / 持有期（年）→",
    ),
    "col_moves_shifts": (
        "FX move \u2193 / change in funding rate \u2192",
        "汇率变动↓ / 融资货币利率变化→",
    ),
    "col_scenario_end_spot": ("End spot", "期末汇率"),
    # sections
    "sec_position": ("Position (inputs)", "头寸（输入）"),
    "sec_conventions": ("Pair and conventions", "货币对与惯例"),
    "sec_pnl": ("Profit and loss", "收益"),
    "sec_breakeven": ("Break-even and forward", "盈亏平衡与远期汇率"),
    "sec_risk": ("Margin and stop-loss", "保证金与止损"),
    "sec_dates": (
        "Holding period from dates (helper: copy a year fraction into the holding period)",
        "按日期计算持有期（辅助：可将年数填入上方持有期）",
    ),
    "sec_asset_inputs": ("Trade (inputs)", "交易（输入）"),
    "sec_asset_results": ("Returns", "收益率"),
    "sec_asset_fx": ("What the funding currency's move means", "融资货币涨跌的两种含义"),
    "sec_grid_years": (
        "Total P&L (funding currency) by FX move and holding period",
        "按汇率变动与持有期的总收益（融资货币）",
    ),
    "sec_grid_rates": (
        "Total P&L (funding currency) by FX move and change in the funding rate",
        "按汇率变动与融资利率变化的总收益（融资货币）",
    ),
    "row_breakeven_move": ("Break-even FX move", "盈亏平衡汇率变动"),
    "row_breakeven_spot": ("Break-even end spot", "盈亏平衡汇率"),
    # units
    "unit_pair": ("quote per base", "报价货币/基础货币"),
    "unit_per_year": ("per year", "年利率"),
    "unit_years": ("years", "年"),
    "unit_days": ("days", "天"),
    # charts and notes
    "chart_payoff": ("Total P&L over the end spot", "总收益随期末汇率的变化"),
    "chart_asset": (
        "Return in the funding currency over the FX move",
        "以融资货币计的收益率随汇率变动的变化",
    ),
    "payoff_note": (
        "End spot from -10% to +10% of the start spot; exact P&L at the holding period above.",
        "期末汇率为期初汇率的 -10% 至 +10%；按上方持有期计算的精确收益。",
    ),
    "grid_note": (
        "Green: profit, red: loss, white: break-even. A thick border marks where the sign changes.",
        "绿色为盈利，红色为亏损，白色为盈亏平衡；粗框标出盈亏转换处。",
    ),
    # calculator inputs
    "in_pair": ("Currency pair", "货币对"),
    "in_funding": ("Funding currency (borrowed)", "融资货币（借入）"),
    "in_notional": ("Notional (amount borrowed)", "名义本金（借入金额）"),
    "in_spot_start": ("Start spot", "期初汇率"),
    "in_spot_end": ("End spot", "期末汇率"),
    "in_rate_target": ("Target currency interest rate", "目标货币利率"),
    "in_rate_funding": ("Funding currency interest rate", "融资货币利率"),
    "in_years": ("Holding period (year fraction)", "持有期（年）"),
    "in_costs": ("Costs: spread, commission, fees", "交易成本：点差、佣金、费用"),
    "in_leverage": ("Leverage (notional / margin)", "杠杆倍数（名义本金/保证金）"),
    "in_stop_loss": ("Stop-loss: fall of the target currency", "止损：目标货币下跌幅度"),
    "in_start_date": ("Start date (optional)", "起始日期（可选）"),
    "in_end_date": ("End date (optional)", "结束日期（可选）"),
    # calculator outputs
    "out_target": ("Target currency (held)", "目标货币（持有）"),
    "out_inverted": ("Pair quoted funding/target (price = 1/spot)", "报价为融资货币/目标货币"),
    "out_day_count_target": ("Day count, target currency (Rates sheet)", "目标货币计息惯例"),
    "out_day_count_funding": ("Day count, funding currency (Rates sheet)", "融资货币计息惯例"),
    "out_example_rate_target": (
        "Example policy rate, target (Rates sheet)",
        "目标货币示例政策利率（利率表）",
    ),
    "out_example_rate_funding": (
        "Example policy rate, funding (Rates sheet)",
        "融资货币示例政策利率（利率表）",
    ),
    "out_points_scale": ("Points per unit of price (pip scale)", "点值换算（每单位价格的点数）"),
    "out_ratio": ("Target's value ratio X1/X0", "目标货币价值比 X1/X0"),
    "out_fx_move": (
        "FX move of the target vs the funding currency",
        "目标货币相对融资货币的汇率变动",
    ),
    "out_move_pips": ("Spot move", "汇率变动点数"),
    "out_carry": ("Carry: interest differential", "利差收益"),
    "out_fx": ("FX gain or loss", "汇率收益"),
    "out_cross": ("Cross term: target interest times FX move", "交叉项：目标货币利息的汇率变动"),
    "out_total": ("Total P&L, exact", "总收益（精确）"),
    "out_total_simple": ("Total P&L, simple (carry + FX, textbook)", "总收益（简化：利差+汇率）"),
    "out_return": ("Return on notional, exact", "总收益率（精确）"),
    "out_return_simple": ("Return on notional, simple", "总收益率（简化）"),
    "out_annualised": ("Annualised return (simple: return / years)", "年化收益率（单利）"),
    "out_annualised_compound": ("Annualised return (compound)", "年化收益率（复利）"),
    "out_net": ("Net P&L after costs", "扣除成本后的净收益"),
    "out_return_net": ("Net return on notional", "净收益率"),
    "out_breakeven_spot": ("Break-even end spot (total P&L = 0)", "盈亏平衡汇率（总收益为零）"),
    "out_breakeven_move": ("Break-even spot move", "盈亏平衡汇率变动"),
    "out_forward": ("Forward rate (covered interest parity)", "远期汇率（抛补利率平价）"),
    "out_forward_points": ("Forward points", "远期点数"),
    "out_margin": ("Margin (notional / leverage)", "保证金（名义本金/杠杆）"),
    "out_return_on_margin": ("Net return on margin", "保证金净收益率"),
    "out_stop_spot": ("Stop-loss spot level", "止损汇率"),
    "out_stop_pips": ("Stop-loss distance", "止损距离"),
    "out_stop_fx_loss": ("FX loss at the stop", "止损时的汇率损失"),
    "out_days": ("Calendar days between the dates", "两个日期之间的天数"),
    "out_years_dates_target": (
        "Year fraction, target leg (its day count)",
        "目标货币年数（按其计息惯例）",
    ),
    "out_years_dates_funding": (
        "Year fraction, funding leg (its day count)",
        "融资货币年数（按其计息惯例）",
    ),
    # asset carry
    "in_foreign": ("Foreign currency (the asset's)", "外国货币（资产计价货币）"),
    "in_asset_return": ("Foreign asset return (e.g. Nasdaq)", "外国资产收益率（如纳斯达克）"),
    "in_fx_move": (
        "FX move of the foreign currency vs the funding currency",
        "外国货币相对融资货币的汇率变动",
    ),
    "in_local_return": ("Local index return (e.g. Nikkei)", "本地指数收益率（如日经指数）"),
    "in_move_convention": ("Convention for 'the funding currency moved'", "融资货币涨跌的口径"),
    "out_asset_before_funding": (
        "Return in the funding currency, before funding cost",
        "以融资货币计的收益率（未扣融资成本）",
    ),
    "out_asset_funding_cost": ("Funding cost over the period", "持有期融资成本"),
    "out_asset_return": (
        "Return in the funding currency, after funding cost",
        "以融资货币计的收益率（扣除融资成本）",
    ),
    "out_asset_pnl": ("P&L in the funding currency", "以融资货币计的盈亏"),
    "out_asset_excess": (
        "Foreign asset minus local index (funding cancels)",
        "外国资产相对本地指数的超额收益",
    ),
    "out_asset_breakeven_move": (
        "Break-even FX move of the foreign currency",
        "盈亏平衡的外国货币汇率变动",
    ),
    "out_example_broker_rate": (
        "Example broker funding rate (Rates sheet)",
        "示例券商融资利率（利率表）",
    ),
    "out_funding_move_quote": (
        "Funding currency move, 'quote' convention (= -FX move)",
        "融资货币涨跌（报价口径：= 负的汇率变动）",
    ),
    "out_funding_move_value": (
        "Funding currency move, 'value' convention (1/(1+g) - 1)",
        "融资货币涨跌（币值口径：1/(1+g) - 1）",
    ),
    "out_funding_move": ("Funding currency move, chosen convention", "融资货币涨跌（所选口径）"),
    # scenarios
    "in_scenario_moves": ("FX moves of the target (rows)", "目标货币汇率变动（行）"),
    "in_scenario_years": ("Holding periods in years (columns)", "持有期（年，列）"),
    "in_scenario_rate_shifts": (
        "Changes in the funding rate (columns)",
        "融资货币利率变化（列）",
    ),
    # rates table
    "in_rates_currency": ("Currency", "货币"),
    "in_rates_name": ("Name", "名称"),
    "in_rates_day_count": ("Day count", "计息惯例"),
    "in_rates_spot_lag": ("Spot lag vs USD (days)", "对美元即期交割天数"),
    "in_rates_policy": ("Policy rate (example)", "政策利率（示例）"),
    "in_rates_policy_date": ("As of", "日期"),
    "in_rates_policy_source": ("Source", "来源"),
    "in_rates_broker": ("Broker funding rate (example)", "券商融资利率（示例）"),
    "in_rates_broker_source": ("Source", "来源"),
    "list_pairs": ("Pairs", "货币对"),
    "list_day_counts": ("Day counts", "计息惯例"),
    "list_move_conventions": ("Move conventions", "涨跌口径"),
    "src_fed": ("Federal Reserve (upper bound)", "美联储（目标区间上限）"),
    "src_ecb": ("ECB deposit facility", "欧洲央行存款便利利率"),
    "src_boj": ("Bank of Japan", "日本银行"),
    "src_boe": ("Bank of England", "英格兰银行"),
    "src_snb": ("Swiss National Bank", "瑞士国家银行"),
    "src_rba": ("Reserve Bank of Australia", "澳大利亚储备银行"),
    "src_rbnz": ("Reserve Bank of New Zealand", "新西兰储备银行"),
    "src_boc": ("Bank of Canada", "加拿大银行"),
    "src_riksbank": ("Sveriges Riksbank", "瑞典央行"),
    "src_norges": ("Norges Bank", "挪威央行"),
    "src_hkma": ("HKMA base rate", "香港金管局基本利率"),
    "src_sarb": ("South African Reserve Bank", "南非储备银行"),
    "src_banxico": ("Banco de México", "墨西哥央行"),
    "src_cbrt": ("Central Bank of Turkey", "土耳其央行"),
    "src_bcb": ("Banco Central do Brasil (Selic)", "巴西央行（Selic）"),
    "src_pboc": ("PBOC 7-day reverse repo", "中国人民银行7天逆回购"),
    "src_cbr": ("Bank of Russia key rate", "俄罗斯央行关键利率"),
    "src_talk_jp_broker": (
        "Japanese broker, low end (seed talk, 2024)",
        "日本券商融资成本下限（来源讲座，2024）",
    ),
    "src_talk_us_broker": (
        "US broker, low end (seed talk, 2024)",
        "美国券商融资成本下限（来源讲座，2024）",
    ),
}

NOTES: dict[str, tuple[str, str]] = {
    "in_pair": (
        "The pair as quoted, BASE/QUOTE: the spot is how many QUOTE units one BASE unit buys."
        " Pick from the list or type another (e.g. AUD/JPY).",
        "货币对按 基础货币/报价货币 书写：汇率表示1单位基础货币可兑换多少报价货币。"
        "可从列表选择或自行输入（如 AUD/JPY）。",
    ),
    "in_funding": (
        "The currency you borrow (low rate). It must be one of the pair's two currencies;"
        " the other is the target currency you hold. All P&L is in this currency.",
        "借入的低利率货币，必须是货币对中的一种；另一种为持有的目标货币。所有盈亏以该货币计。",
    ),
    "in_notional": (
        "How much you borrow, in the funding currency (e.g. 10,000,000 JPY).",
        "借入的金额，以融资货币计（如 1000万日元）。",
    ),
    "in_spot_start": (
        "The exchange rate when you open the trade, as the pair is quoted.",
        "开仓时的汇率（按货币对报价方式）。",
    ),
    "in_spot_end": (
        "The exchange rate when you close the trade (or your guess of it).",
        "平仓时的汇率（或你的预期）。",
    ),
    "in_rate_target": (
        "The yearly interest you earn on the currency you hold, as a percentage (4.5%).",
        "持有的目标货币年利率（如 4.5%）。",
    ),
    "in_rate_funding": (
        "The yearly interest you pay on the currency you borrow (0.1%).",
        "借入的融资货币年利率（如 0.1%）。",
    ),
    "in_years": (
        "How long you hold the trade, in years: 6 months = 0.5, 3 months = 0.25, 90 days on"
        " ACT/360 = 0.25.",
        "持有期，以年计：6个月 = 0.5，3个月 = 0.25，按 ACT/360 计的90天 = 0.25。",
    ),
    "in_costs": (
        "All trading costs for the round trip, in the funding currency: spread, commission,"
        " fees. Subtracted from the total to give the net P&L.",
        "往返交易的全部成本（融资货币）：点差、佣金、费用。从总收益中扣除得到净收益。",
    ),
    "in_leverage": (
        "Notional divided by the margin you put up: 10 means 10% margin.",
        "名义本金除以保证金：10 表示保证金比例为 10%。",
    ),
    "in_stop_loss": (
        "Close the trade if the target currency falls this much against the funding currency"
        " (the article suggests 3%-5%).",
        "目标货币相对融资货币下跌到该幅度时平仓止损（文章建议 3%-5%）。",
    ),
    "in_start_date": (
        "Optional: the trade's start (value) date. With the end date, the sheet shows each"
        " leg's year fraction under its currency's day count from the Rates sheet.",
        "可选：交易起始（起息）日。与结束日期一起，按利率表中各货币的计息惯例计算各自的年数。",
    ),
    "in_end_date": (
        "Optional: the trade's end date, after the start date.",
        "可选：交易结束日期，须晚于起始日期。",
    ),
    "in_foreign": (
        "The currency the foreign asset is priced in (USD for Nasdaq).",
        "外国资产的计价货币（纳斯达克为美元）。",
    ),
    "in_asset_return": (
        "The asset's return in its own currency over the period (-2.15% = -0.0215).",
        "资产以其本币计的持有期收益率（-2.15% 即 -0.0215）。",
    ),
    "in_fx_move": (
        "How much the foreign currency moved against the funding currency: USD/JPY up 1.52%"
        " is +1.52% (the yen weakened).",
        "外国货币相对融资货币的变动：USD/JPY 上涨 1.52% 即 +1.52%（日元贬值）。",
    ),
    "in_local_return": (
        "The return of a local index bought instead with the same money (Nikkei -4.35%).",
        "用同样资金买入本地指数的收益率（日经指数 -4.35%）。",
    ),
    "in_move_convention": (
        "'quote': 'yen +10%' means USD/JPY fell 10%. 'value': the yen's own value rose 10%."
        " The two differ; pick the one your source means.",
        "quote（报价口径）：'日元涨10%' 指 USD/JPY 下跌10%；"
        "value（币值口径）：日元本身价值上升10%。两者不同，请按资料来源选择。",
    ),
    "in_scenario_moves": (
        "Each row is a move of the target currency against the funding currency (-0.03 ="
        " target falls 3%). Edit freely.",
        "每行是目标货币相对融资货币的变动（-0.03 表示下跌3%），可自由修改。",
    ),
    "in_scenario_years": (
        "Each column is a holding period in years (0.25 = 3 months). Edit freely.",
        "每列是以年计的持有期（0.25 = 3个月），可自由修改。",
    ),
    "in_scenario_rate_shifts": (
        "Each column adds this to the funding rate (0.01 = the funding rate rises by 1"
        " point, e.g. a Bank of Japan hike). Uses the holding period above.",
        "每列在融资利率上加上该值（0.01 表示融资利率上升1个百分点，如日本央行加息）。"
        "使用上方的持有期。",
    ),
    "in_rates_currency": (
        "ISO currency code. Other sheets look rows up by this code.",
        "ISO 货币代码，其他工作表按此代码查找。",
    ),
    "in_rates_name": ("The currency's name.", "货币名称。"),
    "in_rates_day_count": (
        "Money-market day count: how days become a year fraction (ACT/360 or ACT/365F).",
        "货币市场计息惯例：天数如何折算为年（ACT/360 或 ACT/365F）。",
    ),
    "in_rates_spot_lag": (
        "Business days from trade to spot settlement against USD (T+2; T+1 for CAD, TRY, RUB).",
        "对美元交易的即期交割天数（T+2；加元、里拉、卢布为 T+1）。",
    ),
    "in_rates_policy": (
        "An EXAMPLE central-bank rate on the date shown. Replace it with today's rate.",
        "所示日期的央行利率示例，请替换为最新利率。",
    ),
    "in_rates_policy_date": ("The date the example rate applied.", "示例利率对应的日期。"),
    "in_rates_policy_source": ("Where the example rate comes from.", "示例利率的来源。"),
    "in_rates_broker": (
        "An EXAMPLE rate a broker charges to lend this currency. Replace with your broker's.",
        "券商借出该货币的融资利率示例，请替换为你的券商利率。",
    ),
    "in_rates_broker_source": ("Where the example broker rate comes from.", "券商利率示例的来源。"),
}


def label(key: str, lang: str) -> str:
    """The label ``key`` in English (``en``) or Simplified Chinese (``zh``)."""
    english, chinese = LABELS[key]
    return chinese if lang == "zh" else english


def note(key: str, lang: str) -> str:
    """The plain-words note for input ``key``."""
    english, chinese = NOTES[key]
    return chinese if lang == "zh" else english
