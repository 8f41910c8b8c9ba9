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
    "rates_banner_live": (
        "POLICY RATES FROM YOUR BIS DATA: Source: BIS, Central bank policy rates (WS_CBPOL),"
        " as of the date shown (carryxl data update; then Ctrl+Alt+F9). Broker rates are"
        " examples.",
        "政策利率来自你的 BIS 数据：Source: BIS, Central bank policy rates (WS_CBPOL)，截至所示"
        "日期（carryxl data update 后按 Ctrl+Alt+F9）。券商利率为示例。",
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
        "FX move \u2193 / holding period \u2192",
        "汇率变动↓ / 持有期→",
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
        "Holding period from dates (both dates given: they set each leg's year fraction)",
        "按日期计算持有期（填写两个日期时，按日期确定各腿年数）",
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
    "row_tenor": ("Tenor", "期限"),
    "row_tenor_years": (
        "Years (months/12; weeks, days /365) \u2192",
        "年数（月数/12；周、天按每年365天）→",
    ),
    "tenor_rule_title": ("Holding period (tenor)", "持有期（期限）"),
    "tenor_rule": (
        "A whole number from 1 to {most} and D, W, M or Y (days, weeks, months, years),"
        " e.g. 1W, 1M, 3M, 6M, 1Y, 2Y.",
        "1至{most}的整数加 D、W、M 或 Y（天、周、月、年），如 1W、1M、3M、6M、1Y、2Y。",
    ),
    "row_breakeven_spot": ("Break-even end spot", "盈亏平衡汇率"),
    # units
    "unit_pair": ("quote per base", "报价货币/基础货币"),
    "unit_per_year": ("per year", "年利率"),
    "unit_years": ("years", "年"),
    "unit_days": ("days", "天"),
    "unit_horizon_days": ("trading days", "个交易日"),
    # history sheet
    "sheet_history": ("History replay", "历史重演"),
    "history_title": (
        "History: one carry position replayed on real ECB fixings",
        "历史回测：单笔套息头寸在欧洲央行真实汇率上的重演",
    ),
    "sec_history_inputs": ("Position (inputs)", "头寸（输入）"),
    "sec_history_position": ("Pair, conventions and data", "货币对、惯例与数据"),
    "sec_history_results": ("Results over the period", "期间结果"),
    "out_history_pair": ("Currency pair", "货币对"),
    "out_history_target": ("Target currency (held)", "目标货币（持有）"),
    "out_history_funding": ("Funding currency (borrowed)", "融资货币（借入）"),
    "out_history_basis_target": (
        "Day-count basis of the target rate (days a year)",
        "目标货币利率计息基准（每年天数）",
    ),
    "out_history_basis_funding": (
        "Day-count basis of the funding rate (days a year)",
        "融资货币利率计息基准（每年天数）",
    ),
    "out_history_source": ("Spot data", "汇率数据来源"),
    "out_history_range": ("Data dates", "数据日期范围"),
    "out_history_final_pnl": ("P&L on the last date", "最后一日盈亏"),
    "out_history_worst_pnl": ("Worst P&L", "最大亏损"),
    "out_history_worst_date": ("Date of the worst P&L", "最大亏损日期"),
    "out_history_max_drawdown": (
        "Maximum drawdown of equity (from its running peak)",
        "净值最大回撤（相对此前最高点）",
    ),
    "out_history_margin_call_date": ("First margin-call date", "首次追加保证金日期"),
    "out_history_stop_out_date": (
        "Stop-out date (the broker closes the position)",
        "强制平仓日期（券商平仓）",
    ),
    "out_history_stop_out_spot": ("Spot at the stop-out", "强制平仓时的汇率"),
    "col_date": ("Date", "日期"),
    "col_spot": ("ECB spot", "欧洲央行汇率"),
    "col_days": ("Days since start", "持有天数"),
    "col_history_pnl": ("P&L (funding currency)", "盈亏（融资货币）"),
    "col_equity": ("Equity (funding currency)", "净值（融资货币）"),
    "col_drawdown": ("Drawdown", "回撤"),
    "col_margin_call": ("Margin call", "追加保证金"),
    "col_stopped_out": ("Stopped out", "已强制平仓"),
    "col_money_funding": ("Funding currency", "融资货币"),
    "chart_history": ("P&L and equity over the dates", "盈亏与净值随日期的变化"),
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
    "grid_note_green-up": (
        "Green: profit, red: loss, white: break-even. A thick border marks where the sign changes.",
        "绿色为盈利，红色为亏损，白色为盈亏平衡；粗框标出盈亏转换处。",
    ),
    "grid_note_red-up": (
        "Red: profit, green: loss, white: break-even. A thick border marks where the sign changes.",
        "红色为盈利，绿色为亏损，白色为盈亏平衡；粗框标出盈亏转换处。",
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
    "out_breakeven_ratio_net": (
        "Break-even X1/X0 after costs",
        "扣除成本后的盈亏平衡价值比 X1/X0",
    ),
    "out_breakeven_spot_net": ("Break-even end spot after costs", "扣除成本后的盈亏平衡汇率"),
    "out_forward": ("Forward rate (covered interest parity)", "远期汇率（抛补利率平价）"),
    "out_forward_points": ("Forward points", "远期点数"),
    "out_margin": ("Margin (notional / leverage)", "保证金（名义本金/杠杆）"),
    "out_return_on_margin": ("Net return on margin", "保证金净收益率"),
    "out_stop_spot": ("Stop-loss spot level", "止损汇率"),
    "out_stop_pips": ("Stop-loss distance", "止损距离"),
    "out_stop_fx_loss": ("FX loss at the stop", "止损时的汇率损失"),
    "out_days": ("Calendar days between the dates", "两个日期之间的天数"),
    "out_dates_given": (
        "Both dates given (they set the year fractions)",
        "已填两个日期（决定年数）",
    ),
    "out_holding_years": (
        "Holding period in years (dates: ACT/365F)",
        "持有期（年；按日期时为 ACT/365F）",
    ),
    "out_pair_check": ("Check", "检查"),
    "msg_funding_in_pair": (
        "funding currency must be {base} or {quote}",
        "融资货币必须是 {base} 或 {quote}",
    ),
    "out_period_in_force": ("Year fractions in force", "所用年数"),
    "period_dates": (
        "from the start and end dates, each leg by its day count",
        "按起止日期，各腿按其计息惯例",
    ),
    "period_holding": (
        "the holding period (no start and end date given)",
        "持有期（未填起止日期）",
    ),
    "out_years_target": ("Year fraction used, target leg", "目标货币所用年数"),
    "out_years_funding": ("Year fraction used, funding leg", "融资货币所用年数"),
    "out_period_rate_target": (
        "Target interest over the period (rate x years)",
        "目标货币期间利率（利率×年数）",
    ),
    "out_period_rate_funding": (
        "Funding interest over the period (rate x years)",
        "融资货币期间利率（利率×年数）",
    ),
    "list_pair_currencies": ("The pair's currencies", "货币对中的货币"),
    "rate_rule_title": ("Interest rate", "利率"),
    "rate_rule": (
        "A yearly rate between {low} and {high} (negative rates allowed), e.g. 4.5%.",
        "年利率，介于 {low} 与 {high} 之间（可为负利率），如 4.5%。",
    ),
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
    "out_fx_move_ecb": (
        "USD/JPY over November 2025 on the ECB's fixings (the talk: +1.52%)",
        "欧洲央行定盘价下 2025年11月 USD/JPY 变动（讲座：+1.52%）",
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
    "in_scenario_years": ("Holding periods as tenors (columns)", "持有期（期限，列）"),
    "out_scenario_years": ("Holding periods in years (columns)", "持有期（年，列）"),
    "in_scenario_rate_shifts": (
        "Changes in the funding rate (columns)",
        "融资货币利率变化（列）",
    ),
    # risk
    "risk_title": (
        "Risk: position size, stop-loss, margin call, VaR (account in the quote currency)",
        "风险管理：仓位、止损、追加保证金、风险价值（账户为报价货币）",
    ),
    "sec_sizing_inputs": ("Position and account (inputs)", "头寸与账户（输入）"),
    "sec_var_inputs": ("Volatility and carry (inputs)", "波动率与利差（输入）"),
    "sec_sizing": ("Position size and stop-loss", "仓位与止损"),
    "sec_margin": ("Margin", "保证金"),
    "sec_var": ("Value at risk and carry risk", "风险价值与套息风险"),
    "in_side": ("Side: long or short the pair's base currency", "方向：做多或做空基础货币"),
    "in_equity": ("Account equity", "账户净值"),
    "in_risk_fraction": ("Risk per trade (share of equity)", "单笔风险（占净值比例）"),
    "in_stop_pips": ("Stop-loss distance", "止损距离"),
    "in_margin_call_level": (
        "Margin-call level (equity / margin)",
        "追加保证金水平（净值/保证金）",
    ),
    "in_stop_out_level": ("Stop-out level (equity / margin)", "强制平仓水平（净值/保证金）"),
    "in_swap_per_day": ("Swap per day (+ credit, - debit)", "每日隔夜利息（正为收入，负为支出）"),
    "in_volatility": ("FX volatility (annual)", "汇率年化波动率"),
    "in_horizon_days": ("VaR horizon (trading days)", "风险价值期限（交易日）"),
    "out_horizon_years": ("VaR horizon in years (days / 252)", "折合年数（交易日 / 252）"),
    "pf_flag_stop": ("STOP HIT", "已触及止损"),
    "pf_flag_over": ("LOSS > MARGIN", "亏损超过保证金"),
    "in_confidence": ("Confidence level", "置信水平"),
    "in_expected_return": ("Expected return a year (e.g. the carry)", "预期年收益率（如利差）"),
    "in_drift": ("Expected spot drift a year (0 = unchanged)", "汇率预期年漂移（0 为不变）"),
    "out_pip_size": ("Pip size", "每点价格"),
    "out_point_size": ("Point size (platform, 10^-digits)", "平台最小报价单位（10^-位数）"),
    "out_risk_budget": ("Risk budget (money lost at the stop)", "风险预算（止损时亏损金额）"),
    "out_units": ("Position size (base currency units)", "仓位（基础货币数量）"),
    "out_pip_value": ("Value of one pip", "每点价值"),
    "out_risk_stop_spot": ("Stop-loss spot", "止损汇率"),
    "out_position_value": ("Position value", "头寸价值"),
    "out_risk_margin": ("Margin used (value / leverage)", "占用保证金（价值/杠杆）"),
    "out_margin_level": ("Margin level (equity / margin)", "保证金水平（净值/保证金）"),
    "out_margin_call_spot": ("Margin-call spot", "追加保证金汇率"),
    "out_stop_out_spot": ("Stop-out spot", "强制平仓汇率"),
    "out_days_to_margin_call": (
        "Days until the swap alone brings a margin call (- = never)",
        "仅因隔夜利息导致追加保证金的天数（- 表示不会）",
    ),
    "out_z": ("Normal quantile z at the confidence level", "置信水平对应的正态分位数 z"),
    "out_var": ("Value at risk (normal)", "风险价值 VaR（正态）"),
    "out_es": ("Expected shortfall (average loss beyond VaR)", "预期损失 ES（超出VaR的平均损失）"),
    "out_carry_to_vol": ("Carry-to-volatility ratio", "利差/波动率比"),
    "out_probability_of_loss": (
        "Probability of a loss at the holding period (lognormal spot)",
        "持有期末亏损的概率（对数正态）",
    ),
    "unit_pips": ("pips", "标准点"),
    "unit_points": ("points", "点"),
    "unit_base_units": ("base units", "基础货币"),
    "unit_lots": ("lots", "手"),
    "unit_nights": ("nights", "晚"),
    "unit_account": ("account currency", "账户货币"),
    # swap
    "swap_title": (
        "Swap (overnight rollover): money per night, benchmark, markup, ledger",
        "隔夜利息：每晚金额、基准、点差加成与逐日明细",
    ),
    "sec_swap_inputs": ("Position and broker quote (inputs)", "头寸与券商报价（输入）"),
    "sec_swap_results": ("Swap", "隔夜利息"),
    "in_lots": ("Lots", "手数"),
    "in_lot_size": ("Lot size (base units a lot)", "每手数量（基础货币）"),
    "in_spot": ("Spot", "即期汇率"),
    "in_swap_quote": ("Broker's swap quote (+ credit)", "券商隔夜利息报价（正为收入）"),
    "in_swap_form": ("Quote form", "报价方式"),
    "in_basis": ("Days in the year for percent quotes", "年化报价的年天数"),
    "in_to_account": ("Account currency per quote currency unit", "每单位报价货币折合账户货币"),
    "in_open_date": ("Open (trade) date", "开仓（交易）日期"),
    "in_close_date": ("Close (trade) date", "平仓（交易）日期"),
    "in_triple_day": (
        "Triple-swap day (auto = settlement rule)",
        "三倍隔夜利息日（自动 = 按交割规则）",
    ),
    "in_rate_base": ("Interest rate, base currency", "基础货币利率"),
    "in_rate_quote": ("Interest rate, quote currency", "报价货币利率"),
    "in_holidays": ("Holidays", "假日"),
    "out_spot_lag": ("Spot lag (business days)", "即期交割天数（工作日）"),
    "out_triple_weekday": ("Triple-swap weekday", "三倍隔夜利息日"),
    "out_swap_per_night": ("Swap per night (account currency)", "每晚隔夜利息（账户货币）"),
    "out_swap_per_night_quote": ("Swap per night (quote currency)", "每晚隔夜利息（报价货币）"),
    "out_swap_implied_rate": (
        "Implied annual rate on the position value",
        "隔夜利息隐含的年化利率",
    ),
    "out_swap_as_points": (
        "The same swap in platform points",
        "同一隔夜利息的点数报价（平台点）",
    ),
    "out_swap_as_pips": ("The same swap quoted in pips", "同一隔夜利息的标准点报价"),
    "out_swap_as_money_per_lot": (
        "The same swap quoted as money per lot",
        "同一隔夜利息的每手金额报价",
    ),
    "out_swap_as_percent": (
        "The same swap quoted as percent a year",
        "同一隔夜利息的年化百分比报价",
    ),
    "out_basis_base": ("Days in year, base currency (Rates sheet)", "基础货币年天数（利率表）"),
    "out_basis_quote": ("Days in year, quote currency (Rates sheet)", "报价货币年天数（利率表）"),
    "out_forward_held": (
        "Forward over the nights held (interest parity)",
        "持有晚数的远期汇率（利率平价）",
    ),
    "out_benchmark_swap": (
        "Interest-parity swap over the nights held",
        "按利率平价计算的持有期隔夜利息",
    ),
    "out_markup": (
        "Broker's markup over the nights held (benchmark - broker)",
        "券商持有期加成（基准-券商）",
    ),
    "out_markup_rate": ("Markup as an annual rate", "加成的年化利率"),
    "out_value_open": ("Value date of the open", "开仓起息日"),
    "out_value_close": ("Value date of the close", "平仓起息日"),
    "out_nights_total": ("Nights held", "计息晚数"),
    "out_swap_total": ("Swap over the holding", "持有期隔夜利息合计"),
    "out_ledger_total": ("Ledger total (first 60 rollovers)", "明细合计（前60次展期）"),
    "col_trade_date": ("Trade date", "交易日"),
    "col_weekday": ("Day", "星期"),
    "col_value_date": ("Value date", "起息日"),
    "col_next_value_date": ("Next value date", "下一起息日"),
    "col_nights": ("Nights", "晚数"),
    "col_swap": ("Swap", "隔夜利息"),
    "col_cumulative": ("Cumulative", "累计"),
    # xlwings.conf (udf mode)
    "conf_udf_modules": (
        "The Python module whose functions Excel can call (carryxl's Excel functions).",
        "Excel 可调用其函数的 Python 模块（carryxl 的 Excel 函数）。",
    ),
    "conf_interpreter_win": (
        "Windows: path to pythonw.exe of the Python where carryxl is installed; left out, "
        "your config file's is used.",
        "Windows：安装了 carryxl 的 Python 的 pythonw.exe 路径；不填则用配置文件中的。",
    ),
    "conf_interpreter_mac": (
        "macOS: path to the python of the environment where carryxl is installed; left out, "
        "your config file's is used.",
        "macOS：安装了 carryxl 的 Python 路径；不填则用配置文件中的。",
    ),
    "conf_conda_path": (
        "If you use Anaconda: its folder (e.g. C:\\Users\\you\\anaconda3); else leave it out.",
        "如使用 Anaconda：其安装目录；否则不填。",
    ),
    "conf_conda_env": (
        "If you use Anaconda: the environment's name (e.g. base); else leave it out.",
        "如使用 Anaconda：环境名称（如 base）；否则不填。",
    ),
    "conf_pythonpath": (
        "Extra folders for Python to search, separated by ';'; usually left out.",
        "Python 额外搜索的目录，以 ';' 分隔；通常不填。",
    ),
    "conf_optional": (
        "Optional, for this workbook only: pick a key in column A of the first empty row "
        "(no empty row above it) and type its value in B. A key left out is read from your "
        "config file (carryxl.conf: the one carryxl addin install writes; xlwings.conf: "
        "xlwings' own); a key here with an empty value would hide it.",
        "可选，仅用于本工作簿：在第一个空行的 A 列选择键名（其上不能有空行），在 B 列填值。"
        "未列出的键从配置文件读取（carryxl.conf：carryxl addin install 写入的；xlwings.conf："
        "xlwings 自己的）；此处键名若值为空，会遮住该文件。",
    ),
    "conf_add_workbook": (
        "False: do not import Python files lying next to this workbook (safer).",
        "False：不导入与本工作簿同目录的 Python 文件（更安全）。",
    ),
    "conf_debug_udfs": (
        "True only to debug the functions in a Python editor.",
        "仅在 Python 编辑器中调试函数时设为 True。",
    ),
    "conf_use_udf_server": (
        "True keeps Python running between calls (faster; restart it after updates).",
        "True 使 Python 在调用之间保持运行（更快；更新后需重启）。",
    ),
    "conf_show_console": (
        "True shows the Python console window (for troubleshooting).",
        "True 显示 Python 控制台窗口（用于排查问题）。",
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
    "out_rates_policy": ("Policy rate (BIS, latest)", "政策利率（BIS 最新）"),
    "out_rates_policy_date": ("As of (data's last date)", "截至（数据最后日期）"),
    "out_rates_policy_source": ("Source", "来源"),
    "in_rates_broker_source": ("Source", "来源"),
    "list_pairs": ("Pairs", "货币对"),
    "list_day_counts": ("Day counts", "计息惯例"),
    "list_move_conventions": ("Move conventions", "涨跌口径"),
    "list_sides": ("Sides", "方向"),
    "list_weekdays": ("Weekdays", "星期"),
    "list_triple_days": ("Triple-swap days", "三倍隔夜利息日"),
    "list_swap_forms": ("Swap quote forms", "隔夜利息报价方式"),
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
        "Japanese broker, low end (seed talk, 2025)",
        "日本券商融资成本下限（来源讲座，2025）",
    ),
    "src_talk_us_broker": (
        "US broker, low end (seed talk, 2025)",
        "美国券商融资成本下限（来源讲座，2025）",
    ),
    # portfolio sheet (the whole book)
    "sheet_portfolio": ("Portfolio", "投资组合"),
    "sheet_portfolio_diversified": ("Diversified book", "分散组合"),
    "sec_pf_compare": (
        "Beside it: the diversified book (next sheet)",
        "对照：分散融资的组合（下一工作表）",
    ),
    "out_cmp_var": ("Its book VaR", "其组合风险价值（VaR）"),
    "out_cmp_sum_standalone": ("Its sum of stand-alone VaRs", "其各头寸单独VaR之和"),
    "out_cmp_diversification": ("Its diversification ratio", "其分散化比率"),
    "out_cmp_top_funding": ("Its largest funding currency", "其最大融资币种"),
    "out_cmp_top_share": ("Its share of that book", "其占该组合比例"),
    "out_cmp_concentrated": (
        "That book concentrated in one funding currency?",
        "该组合融资是否集中于单一币种？",
    ),
    "portfolio_title": (
        "Portfolio: positions built in tranches, the book's P&L, tax, VaR and concentration",
        "投资组合：分批建仓的头寸、整体盈亏、税后收益、风险价值与集中度",
    ),
    "sec_pf_settings": ("Account, dates, risk and tax (inputs)", "账户、日期、风险与税务（输入）"),
    "sec_pf_book": ("The book in the account currency", "以账户币种计的整体结果"),
    "sec_pf_risk": ("Risk with correlations (diversification)", "考虑相关性的风险（分散投资）"),
    "sec_pf_correlation": (
        "Correlation of the positions' pairs (daily log returns over the window)",
        "各头寸货币对的相关系数（窗口期内每日对数收益）",
    ),
    "in_account": ("Account currency", "账户币种"),
    "in_valuation_date": ("Valuation date", "估值日期"),
    "in_window_start": ("Correlation window: first date", "相关性窗口：起始日期"),
    "in_window_end": ("Correlation window: last date", "相关性窗口：结束日期"),
    "in_tax_interest": ("Tax rate on interest (carry)", "利息（利差收益）税率"),
    "in_tax_fx": ("Tax rate on FX gains", "汇率收益税率"),
    "in_tax_offset": ("Losses offset", "亏损抵扣方式"),
    "in_concentration_threshold": (
        "Flag when one funding currency exceeds",
        "单一融资货币占比超过此值时提示",
    ),
    "out_book_total": ("Total P&L", "总盈亏"),
    "out_book_tax": ("Tax", "税额"),
    "out_book_after_tax": ("P&L after tax", "税后盈亏"),
    "out_book_margin": ("Margin used", "已用保证金"),
    "out_book_gross": ("Gross exposure (sum of position values)", "总敞口（各头寸价值之和）"),
    "out_book_z": ("z (normal quantile at the confidence)", "z（置信水平对应的正态分位数）"),
    "out_book_volatility": ("Book volatility (money a year)", "组合波动（每年金额）"),
    "out_book_var": ("Book VaR", "组合风险价值（VaR）"),
    "out_book_es": ("Book expected shortfall", "组合预期亏损（ES）"),
    "out_book_sum_standalone": ("Sum of stand-alone VaRs", "各头寸单独 VaR 之和"),
    "out_book_diversification": (
        "Diversification ratio (sum of VaRs / book VaR; 1 = one bet)",
        "分散化比率（单独 VaR 之和 / 组合 VaR；1 表示同一个赌注）",
    ),
    "out_book_top_funding": ("Largest funding currency", "最大融资货币"),
    "out_book_top_share": ("Its share of the book", "其占组合比例"),
    "out_book_concentrated": (
        "Most of the book is funded in one currency?",
        "组合大部分由单一货币融资？",
    ),
    "col_pf_number": ("No.", "序号"),
    "col_pf_pair": ("Pair", "货币对"),
    "col_pf_side": ("Side (long/short the base)", "方向（做多/做空基础货币）"),
    "col_pf_spot": ("Spot now", "当前汇率"),
    "col_pf_rate_base": ("Rate of the base", "基础货币利率"),
    "col_pf_rate_quote": ("Rate of the quote", "报价货币利率"),
    "col_pf_basis_base": ("Days a year, base", "基础货币年计息天数"),
    "col_pf_basis_quote": ("Days a year, quote", "报价货币年计息天数"),
    "col_pf_stop_loss": ("Stop-loss (of the cost)", "止损（占成本）"),
    "col_pf_leverage": ("Leverage", "杠杆倍数"),
    "col_pf_to_account": ("Account units per quote unit", "每单位报价货币折合账户币种"),
    "col_pf_volatility": ("Volatility a year", "年化波动率"),
    "col_pf_swap_rate": (
        "Broker swap per lot per night (quote; credit +)",
        "券商隔夜利息（每手每晚，报价货币；收入为正）",
    ),
    "col_pf_swap": ("Swap accrued (quote)", "累计隔夜利息（报价货币）"),
    "col_pf_funding": ("Funding currency", "融资货币"),
    "col_pf_currency": ("Quote currency (money in)", "报价货币（金额币种）"),
    "col_pf_flags": ("Flags", "提示"),
    "col_pf_interest_account": ("Carry + swap (account)", "利差+隔夜利息（账户币种）"),
    "col_pf_fx_account": ("FX P&L (account)", "汇率收益（账户币种）"),
    "col_pf_units": ("Units (base)", "持仓数量（基础货币）"),
    "col_pf_cost": ("Cost (quote)", "成本（报价货币）"),
    "col_pf_average_rate": ("Average entry rate", "平均建仓汇率"),
    "col_pf_carry": ("Carry accrued (quote)", "累计利差收益（报价货币）"),
    "col_pf_fx": ("FX P&L (quote)", "汇率收益（报价货币）"),
    "col_pf_total": ("Total (quote)", "合计（报价货币）"),
    "col_pf_stop_spot": ("Stop-loss spot", "止损汇率"),
    "col_pf_stop_distance": ("Distance to the stop", "距止损距离"),
    "col_pf_margin": ("Margin used (quote)", "已用保证金（报价货币）"),
    "col_pf_exposure": ("Exposure (account, + long)", "敞口（账户币种，多头为正）"),
    "col_pf_total_account": ("Total (account)", "合计（账户币种）"),
    "col_pf_tax": ("Share of the book's tax (account)", "分摊的组合税额（账户币种）"),
    "col_pf_after_tax": ("After tax (account)", "税后（账户币种）"),
    "col_pf_standalone_var": ("Stand-alone VaR (account)", "单独 VaR（账户币种）"),
    "col_pf_marginal": ("(R x w x vol) of the row", "相关矩阵乘以敞口波动"),
    "col_pf_contribution": ("Contribution to VaR (account)", "对组合 VaR 的贡献（账户币种）"),
    "col_pf_share": ("Share of VaR", "占组合 VaR 比例"),
    "col_pf_scaled": ("w x vol", "敞口乘以波动率"),
    "col_currency": ("Currency", "货币"),
    "col_fx_net": ("Net exposure (account)", "净敞口（账户币种）"),
    "col_fx_funding_share": ("Share funded in it", "以其融资的比例"),
    "col_tr_position": ("Position #", "头寸序号"),
    "col_tr_date": ("Tranche date", "建仓日期"),
    "col_tr_rate": ("Entry rate", "建仓汇率"),
    "col_tr_amount": ("Units (base)", "数量（基础货币）"),
    "col_tr_days": ("Days held", "持有天数"),
    "col_tr_pnl": ("FX P&L (quote)", "汇率收益（报价货币）"),
    "chart_portfolio": ("Risk contribution per position", "各头寸的风险贡献"),
    "col_var_account": ("VaR (account currency)", "风险价值（账户币种）"),
    # the statement template (issue 22): a MetaTrader statement split into price and carry
    "sheet_statement": ("Statement", "交易报告"),
    "statement_title": (
        "Your MetaTrader statement: price P&L against swap, the broker's swap against policy rates",
        "MetaTrader 交易报告：汇率盈亏与隔夜利息，经纪商隔夜利息与央行政策利差",
    ),
    "sec_st_source": ("Statement (Import statement button)", "交易报告（“导入交易报告”按钮）"),
    "sec_st_totals": ("Closed positions: totals", "已平仓头寸：合计"),
    "in_st_source": ("Statement imported", "已导入的报告"),
    "in_st_currency": ("Account currency", "账户币种"),
    "out_st_positions": ("Positions", "头寸数"),
    "out_st_profit": ("Price P&L", "汇率（价格）盈亏"),
    "out_st_swap": ("Swap (carry)", "隔夜利息（利差收益）"),
    "out_st_commission": ("Commission and fees", "手续费及费用"),
    "out_st_net": ("Net", "净盈亏"),
    "out_st_carry_share": (
        "Carry share (swap / |price| + |swap|)",
        "利差占比（利息/|价格|+|利息|）",
    ),
    "out_st_nights": ("Position-nights", "持仓夜数合计"),
    "out_st_implied": (
        "Rate the swap implies (lots x nights weighted)",
        "隔夜利息隐含年利率（按手数×夜数加权）",
    ),
    "out_st_differential": ("Policy-rate differential (BIS)", "央行政策利差（BIS）"),
    "out_st_markup_bp": ("Broker markup", "经纪商加价"),
    "unit_bp_year": ("bp a year", "基点/年"),
    "col_st_ticket": ("Ticket", "订单号"),
    "col_st_symbol": ("Symbol", "交易品种"),
    "col_st_pair": ("Pair (FX)", "货币对"),
    "col_st_side": ("Side", "方向"),
    "col_st_lots": ("Lots", "手数"),
    "col_st_open": ("Open (server time)", "开仓（服务器时间）"),
    "col_st_close": ("Close (server time)", "平仓（服务器时间）"),
    "col_st_nights": ("Nights", "夜数"),
    "col_st_profit": ("Price P&L", "价格盈亏"),
    "col_st_swap": ("Swap", "隔夜利息"),
    "col_st_commission": ("Commission", "手续费"),
    "col_st_per_lot_night": ("Swap a lot a night (quote ccy)", "每手每夜利息（报价货币）"),
    "col_st_implied": ("Implied rate", "隐含年利率"),
    "col_st_differential": ("Policy differential", "政策利差"),
    "col_st_markup": ("Markup (bp a year)", "加价（基点/年）"),
    "col_st_stale": ("Stale rates", "利率过期"),
    "col_st_cum_profit": ("Cumulative price P&L", "累计价格盈亏"),
    "col_st_cum_swap": ("Cumulative swap", "累计隔夜利息"),
    "col_st_money": ("Account currency", "账户币种"),
    "chart_statement": ("Cumulative price P&L and swap", "累计价格盈亏与隔夜利息"),
    "st_table_note": (
        "Filled by Import statement (carryxl run statement BOOK --file REPORT); closed "
        "positions by close time; metals and CFDs have no pair, nights or rates.",
        "由“导入交易报告”按钮填写（或 carryxl run statement 工作簿 --file 报告）；已平仓头寸按"
        "平仓时间排列；贵金属与差价合约无货币对、夜数及利率。",
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
        "Optional: the trade's start (value) date. With the end date, each leg's year"
        " fraction is counted under its currency's day count from the Rates sheet and used"
        " instead of the holding period (as carryxl calc --start/--end). Leave both empty to"
        " use the holding period.",
        "可选：交易起始（起息）日。与结束日期一起填写时，按利率表中各货币的计息惯例计算各自的"
        "年数，并代替持有期使用（同 carryxl calc --start/--end）。两者留空则使用持有期。",
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
    "out_fx_move_ecb": (
        "USD/JPY from the ECB's fixing of 2025-10-31 to that of 2025-11-28 (154.18 -> "
        "156.12). The talk's +1.52% for the same month uses other closing times; both are "
        "right for their own times.",
        "USD/JPY 从欧洲央行 2025-10-31 定盘价到 2025-11-28 定盘价（154.18 -> 156.12）。"
        "讲座中同月的 +1.52% 采用其他收盘时间，两者各按其时间点计算。",
    ),
    "in_local_return": (
        "The return of a local index bought instead with the same money (Nikkei -4.35%).",
        "用同样资金买入本地指数的收益率（日经指数 -4.35%）。",
    ),
    "in_move_convention": (
        "'quote': 'yen +10%' means USD/JPY fell 10%. 'value': the yen's own value rose 10%."
        " The two differ; pick the one your source means.",
        "报价口径：'日元涨10%' 指 USD/JPY 下跌10%；"
        "币值口径：日元本身价值上升10%。两者不同，请按资料来源选择。",
    ),
    "in_side": (
        "long: you bought the pair's base currency (AUD in AUD/JPY); short: you sold it.",
        "做多：买入基础货币（AUD/JPY 中的澳元）；做空：卖出基础货币。",
    ),
    "in_equity": (
        "Money in the trading account: in the pair's quote currency on the Risk sheet (JPY"
        " for AUD/JPY), in the funding currency on the Calculator.",
        "交易账户中的资金：风险表中以报价货币计（AUD/JPY 为日元），计算器中以融资货币计。",
    ),
    "in_risk_fraction": (
        "How much of the equity you accept to lose if the stop is hit (1% = 0.01).",
        "触发止损时愿意亏损的净值比例（1% 即 0.01）。",
    ),
    "in_stop_pips": (
        "How far the stop-loss is from the entry, in pips (0.01 for JPY pairs, else 0.0001).",
        "止损距开仓价的标准点数（日元货币对每标准点 0.01，其余 0.0001）。",
    ),
    "in_margin_call_level": (
        "The broker calls for more money when equity / margin falls to this (100% = 1).",
        "净值/保证金降至该水平时券商要求追加保证金（100% 即 1）。",
    ),
    "in_stop_out_level": (
        "The broker closes the position when equity / margin falls to this (50% = 0.5).",
        "净值/保证金降至该水平时券商强制平仓（50% 即 0.5）。",
    ),
    "in_swap_per_day": (
        "The overnight swap a day in the quote currency: negative if you pay it.",
        "每日隔夜利息（报价货币），支付时为负数。",
    ),
    "in_volatility": (
        "How much the exchange rate typically moves in a year (12% = 0.12).",
        "汇率一年的典型波动幅度（12% 即 0.12）。",
    ),
    "in_confidence": (
        "How sure the VaR is: 99% means a worse loss happens 1 time in 100.",
        "风险价值的置信度：99% 表示每100次中有1次损失更大。",
    ),
    "in_expected_return": (
        "The return you expect a year on the position (0 for none); it reduces the VaR.",
        "头寸的预期年收益率（无则填0），会降低风险价值。",
    ),
    "in_drift": (
        "How much you expect the spot to move a year; 0 bets on an unchanged spot.",
        "预期汇率每年的变动；0 表示假设汇率不变。",
    ),
    "in_lots": (
        "How many lots you hold (a lot is the lot size below).",
        "持有的手数（每手数量见下一行）。",
    ),
    "in_lot_size": (
        "Base currency units in one lot (100,000 for a standard lot).",
        "每手的基础货币数量（标准手为 100,000）。",
    ),
    "in_spot": (
        "Today's exchange rate, for percent quotes and the benchmark.",
        "当前汇率，用于年化报价和基准计算。",
    ),
    "in_swap_quote": (
        "The broker's swap for your side, one night; positive if you receive it.",
        "券商对你所持方向的一晚隔夜利息报价，收入为正。",
    ),
    "in_swap_form": (
        "points: the platform's points a night (MetaTrader: 10^-digits, 0.001 on USD/JPY); pips:"
        " pips a night (10 points); money per lot: money a lot a night; percent a year: an"
        " annual rate on the position value.",
        "点：每晚的平台点数（MetaTrader 的 point：10^-位数，USD/JPY 为 0.001）；"
        "标准点：每晚的标准点数（1 标准点 = 10 点）；每手金额：每手每晚金额；"
        "年化百分比：按头寸价值的年化利率。",
    ),
    "in_basis": (
        "Days in the year the broker uses for percent quotes (360 or 365).",
        "券商年化报价使用的年天数（360 或 365）。",
    ),
    "in_to_account": (
        "Account currency per unit of the quote currency (1 when the account is in it).",
        "每单位报价货币折合的账户货币（账户为报价货币时为1）。",
    ),
    "in_open_date": (
        "The trade date you open the position; it rolls from its value date.",
        "开仓的交易日期，从其起息日开始计息。",
    ),
    "in_close_date": (
        "The trade date you close the position; nights stop at its value date.",
        "平仓的交易日期，计息至其起息日为止。",
    ),
    "in_triple_day": (
        "auto: the weekend's nights fall where the value dates put them (Wednesday for T+2)."
        " Or the weekday your broker charges the weekend on.",
        "自动：周末的隔夜利息按起息日规则计（T+2 为周三），或选券商收取三倍隔夜利息的星期。",
    ),
    "in_rate_base": (
        "The base currency's interest rate, for the interest-parity benchmark.",
        "基础货币利率，用于利率平价基准。",
    ),
    "in_rate_quote": (
        "The quote currency's interest rate, for the interest-parity benchmark.",
        "报价货币利率，用于利率平价基准。",
    ),
    "in_holidays": (
        "Holiday dates of both currencies, one a cell; blank cells are ignored. This sheet"
        " counts value dates on weekends and these dates only (no USD rule); carryxl swap and"
        " SWAP_NIGHTS use each currency's settlement calendar.",
        "两种货币的假日日期，每格一个；空格忽略。本表的起息日只按周末和这些日期计算（不含美元规则）；"
        "carryxl swap 与 SWAP_NIGHTS 按各货币的结算日历计算。",
    ),
    "in_scenario_moves": (
        "Each row is a move of the target currency against the funding currency (-0.03 ="
        " target falls 3%). Edit freely.",
        "每行是目标货币相对融资货币的变动（-0.03 表示下跌3%），可自由修改。",
    ),
    "in_scenario_years": (
        "Each column is a holding period as a tenor: 1W, 1M, 3M, 6M, 1Y, 2Y. The grey row"
        " below is its year fraction (months/12, weeks and days/365). Edit freely.",
        "每列是一个持有期，以期限表示：1W、1M、3M、6M、1Y、2Y。下方灰色行为其年数"
        "（月数/12，周与天按每年365天）。可自由修改。",
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
    "in_rates_note": (
        "Where the rates below come from. carryxl's examples until replaced; the Policy rates"
        " button (Carry tab, or `carryxl run rates`) fills the policy rates from your BIS data"
        " and says so here.",
        "下表利率的来源。替换前为 carryxl 的示例；“Policy rates”按钮（Carry 选项卡，或"
        " `carryxl run rates`）会用你的 BIS 数据填入政策利率并在此注明。",
    ),
    "in_rates_note_live": (
        "Where the rates below come from: the policy rates are carryxl's POLICY_RATE on the"
        " last date of the BIS data in your carryxl data folder; the broker rates are examples.",
        "下表利率的来源：政策利率为 carryxl 的 POLICY_RATE，取你的 carryxl 数据文件夹中 BIS 数据的"
        "最后日期；券商利率为示例。",
    ),
    "in_rates_policy": (
        "An EXAMPLE central-bank rate on the date shown. Replace it with today's rate, or"
        " fill every policy rate from your BIS data with the Policy rates button.",
        "所示日期的央行利率示例，请替换为最新利率，或用“Policy rates”按钮从 BIS 数据填入。",
    ),
    "in_rates_policy_date": ("The date the example rate applied.", "示例利率对应的日期。"),
    "in_rates_policy_source": ("Where the example rate comes from.", "示例利率的来源。"),
    "out_rates_policy": (
        "POLICY_RATE: the BIS level on the data's last date, from your carryxl data folder"
        " (a message where there is none, or where the currency's data ends earlier: stale).",
        "POLICY_RATE：数据最后日期的 BIS 政策利率，读自你的 carryxl 数据文件夹（无数据或该货币"
        "数据较早结束（过期）时显示说明）。",
    ),
    "out_rates_policy_date": (
        "POLICY_RATE_AS_OF(): the last date your BIS data covers.",
        "POLICY_RATE_AS_OF()：你的 BIS 数据覆盖的最后日期。",
    ),
    "out_rates_policy_source": ("Where the rate comes from.", "利率来源。"),
    "in_rates_broker": (
        "An EXAMPLE rate a broker charges to lend this currency. Replace with your broker's.",
        "券商借出该货币的融资利率示例，请替换为你的券商利率。",
    ),
    "in_rates_broker_source": ("Where the example broker rate comes from.", "券商利率示例的来源。"),
    "in_account": (
        "The currency the book is reported in (e.g. CNY). Give each position's account units"
        " per quote unit in its row.",
        "组合报告所用的币种（如人民币）。每个头寸行填写每单位报价货币折合的账户币种金额。",
    ),
    "in_valuation_date": (
        "The day the book is valued: carry accrues from each tranche's date to this day.",
        "估值日：利差收益从每笔建仓日期计至此日。",
    ),
    "in_window_start": (
        "First date of the history the correlations and volatilities come from.",
        "计算相关系数和波动率的历史数据起始日期。",
    ),
    "in_window_end": (
        "Last date of the history the correlations and volatilities come from.",
        "计算相关系数和波动率的历史数据结束日期。",
    ),
    "in_tax_interest": (
        "Tax on the carry (interest income), as a decimal: 0.2 for 20%.",
        "利差收益（利息收入）的税率，小数形式：0.2 表示20%。",
    ),
    "in_tax_fx": (
        "Tax on FX gains (capital gains), as a decimal: 0.2 for 20%.",
        "汇率收益（资本利得）的税率，小数形式：0.2 表示20%。",
    ),
    "in_tax_offset": (
        "within position: a loss in one basket reduces the other's gain; separate: never.",
        "仓位内互抵：一类亏损可抵扣另一类收益；分别计税：互不抵扣。",
    ),
    "in_horizon_days": (
        "The period the VaR covers, in trading days (10 = two weeks); 252 make a year.",
        "风险价值覆盖的期限，以交易日计（10 即两周）；一年按252个交易日计。",
    ),
    "in_concentration_threshold": (
        "The book is flagged when one currency funds more than this share of it (0.5 = half).",
        "当单一货币融资超过组合的此比例时提示（0.5 表示一半）。",
    ),
    "in_st_source": (
        "The statement the Import statement button read last (file, layout); press the "
        "button to choose another. Times in the table are the broker's server time.",
        "“导入交易报告”按钮最近读取的报告（文件与格式）；再次按下按钮可选择其他文件。表中时间为"
        "经纪商服务器时间。",
    ),
    "in_st_currency": (
        "The account's currency, from the statement: every money column is in it.",
        "账户币种，取自报告：所有金额列均以此币种计。",
    ),
}


def label(key: str, lang: str) -> str:
    """The label ``key`` in English (``en``) or Simplified Chinese (``zh``)."""
    english, chinese = LABELS[key]
    return chinese if lang == "zh" else english


def note(key: str, lang: str) -> str:
    """The plain-words note for input ``key``."""
    english, chinese = NOTES[key]
    return chinese if lang == "zh" else english
