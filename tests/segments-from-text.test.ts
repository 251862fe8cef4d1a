/**
 * Segments of a company without a profile, read from how management presents them. Sentences
 * are written for these tests; each case is a way real calls present their business units.
 */
import { describe, expect, it } from 'vitest';
import type { RawSource, RawTurn } from '../scripts/lib/raw.ts';
import { misheardMetrics, segmentsFromText, shortNameInUse } from '../scripts/lib/segments-from-text.ts';

const turn = (role: 'executive' | 'analyst', ...paragraphs: string[]): RawTurn => ({
  label: { text: 'X', name: 'X', role },
  line: 1,
  paragraphs: paragraphs.map((text, i) => ({ line: i + 2, text })),
});
const source = (...turns: RawTurn[]): RawSource => ({ layout: 'plain-turns', layers: [], turns, announcement: [], omitted: [] }) as unknown as RawSource;
const ids = (...paragraphs: string[]) => segmentsFromText(source(turn('executive', ...paragraphs))).map((s) => s.id);

describe('segments read from the text', () => {
  it.each([
    ['Turning to our Fluid Handling segment.', ['fluid-handling']],
    ['With me are the heads of our Mobile, Broadband and Enterprise businesses.', ['mobile', 'broadband', 'enterprise']],
    ['We report three segments: Devices, Services and Licensing.', ['devices', 'services', 'licensing']],
    ["Now let's look at the segment results, starting with Motion Systems. Revenue was $812 million.", ['motion-systems']],
    ['Now let me go through each business, starting with Mobile.', ['mobile']],
    ['We had a good quarter across all of our businesses.', []],
    ['Our IDG or Intelligent Devices group grew fast.', ['intelligent-devices-group']],
    ['SSG, our Solutions and Services group, grew 18%.', ['solutions-and-services-group']],
    ['We won customers across CSP, enterprise and SMB segments, and in the CSP segment demand is high.', []],
    ['In the AWS segment, AWS operating income was $11.4 billion.', ['aws']],
    ['Our results, starting with revenue, were strong.', []],
    ['Our Hospitality division grew revenue by 9%.', ['hospitality']],
    // A call that says it walks through its segments names them next, even at a sentence's start.
    ['Let me walk through the segments. Test & Measurement revenue was $391 million.', ['test-and-measurement']],
    ['Test & Measurement revenue was $391 million.', []],
    ['Now to the segments. Motion Drives revenue was €1,082 million. Grid Systems revenue was €536 million.', ['motion-drives', 'grid-systems']],
    // "Division X", as German companies write it, is the unit X; a decimal comma in "grew 7,4% to".
    ['Let me say a few words on the divisions. Division Automation had revenue of EUR 1.084 million. Division Energy increased revenue by 7,4% to EUR 918 million. Division Rail had revenue of EUR 458 million.', ['automation', 'rail', 'energy']],
    // "By segment, …" walks through the segments, the first named right after it.
    ['By segment, Canada revenue was C$842.1 million, up 6.2%. United States revenue was C$347.6 million. International revenue was C$72.7 million.', ['canada', 'united-states', 'international']],
    ['By segment, Security Software revenue was $318.4 million. Edge Networking revenue was $424.2 million.', ['security-software', 'edge-networking']],
    ['By region, Europe revenue was €42 million. Asia revenue was €31 million.', []],
    ['Now, by segment. Basic Chemicals revenue was KRW 2.31 trillion. Battery Materials revenue was KRW 1.9 trillion.', ['basic-chemicals', 'battery-materials']],
    // "The X business posted revenue of …" after "results by business": each unit named with "business".
    ['Now, results by business. The Cathode Materials business recorded revenue of KRW 1.14 trillion. The Specialty Chemicals business posted revenue of KRW 612 billion. The Electronic Materials business delivered revenue of KRW 348 billion.', ['cathode-materials', 'specialty-chemicals', 'electronic-materials']],
    ['The Asia Pacific business reported operating income of $12 million. The Europe business reported operating income of $8 million. The Americas business reported operating income of $30 million.', ['asia-pacific', 'europe', 'americas']],
    ['The Foundation business posted revenue of $4 million for its grants.', []],
    // "Moving to the segments." walks through them; a name may have four words besides "and".
    ['Moving to the segments. Consumer and Small Business Banking reported revenue of $1.92 billion. Corporate reported a net loss of $35 million.', ['consumer-and-small-business-banking', 'corporate']],
    ['Let me walk through the segments. Penwick Home net sales were $1.9 billion. Comparable sales grew 3.1%. Fieldcrest Outdoor net sales were $420 million.', ['penwick-home', 'fieldcrest-outdoor']],
    // A walk through the segments, each a heading "X, on slide 9." or a unit that reports; kinds of revenue are not units.
    ['Let me now turn to the segments, starting with Personal Banking on slide 8. Personal Banking revenue was $3,142 million. Non-interest revenue was $2,696 million. Trading revenue was solid. Fee-based revenue grew 13%.', ['personal-banking']],
    ['Let me now turn to the segments. Wealth Management, on slide 9. Revenue was $1,688 million. Corporate Support reported revenue of $137 million.', ['wealth-management', 'corporate-support']],
    // "Let me talk about the three product groups." and names that grew to an amount; a measure is never one.
    ['Let me talk about the three product groups. Workflow Cloud, which is still our largest business, grew 17% to $201.3 million. Data Platform grew 34% to $128.6 million. Adjusted EBITDA grew 12% to $80 million.', ['workflow-cloud', 'data-platform']],
    // A period is not a business, whatever its capitals.
    ['Fourth-quarter revenue was £612.8 million. Chilled revenue was £341.5 million. Bakery revenue was £184.9 million. Food Service revenue was £86.4 million. In Chilled, Bakery and Food Service, volumes grew; Fourth-quarter volumes too.', ['chilled', 'bakery', 'food-service']],
    // In a call that presents segments, "Turning to X." and "In X, …" with "the segment" name more.
    ["Let's look at the segments, starting with Surgical. Turning to Diagnostics. In Home Care, the segment's losses narrowed.", ['surgical', 'diagnostics', 'home-care']],
    ['In Europe, revenue grew 5%. Turning to margins, they rose.', []],
    // Three names each with revenue of its own are a breakdown; each named again is a segment.
    ['Online revenue grew 8.7%. Stores revenue was GBP 701.8 million. Ashcombe Home revenue grew 4.3%. Online and Stores made a profit, Ashcombe Home a loss.', ['online', 'stores', 'ashcombe-home']],
    ['Atlas revenue grew 26%. Nova revenue grew 3%. Atlas is our best product.', []],
    // A name the sentence calls one of its units ("X, our largest segment, …"); a few words on each segment walk through them.
    ['Motion & Drives, our largest segment, had revenue of €1.12 billion.', ['motion-and-drives']],
    ['Let me say a few words on each of our three segments. Motion & Drives, our largest segment, had revenue of €1.12 billion. Process Automation grew revenue by 6.6% to €861 million.', ['motion-and-drives', 'process-automation']],
    ['Apple, our largest customer, had a good year.', []],
    // Three or more names in sentence case, each with revenue, right after the total: the breakdown of revenue.
    ['Net revenue was RMB 6.82 billion, up 16.1%. Accommodation reservation revenue was RMB 2.91 billion. Transportation ticketing revenue was RMB 2.44 billion. Packaged-tour revenue was RMB 960 million.', ['accommodation-reservation', 'transportation-ticketing', 'packaged-tour']],
    ['Net revenue was RMB 6.82 billion. Accommodation reservation revenue was RMB 2.91 billion. Cost of revenue was RMB 1.28 billion. Other revenue was RMB 40 million.', []],
    // A translation's "By segment:" list in lower case, items apart by semicolons.
    ['By segment: the physical stores had net revenue of R$ 2.655,9 million, growth of 8,1%; the digital of R$ 1.339,1 million, growth of 17,4%; and the financial services, of R$ 323,6 million.', ['physical-stores', 'digital', 'financial-services']],
    // A software company's subscription and professional services revenue lines, each with its amount.
    ['Subscription revenue was $381.2 million, up 24%. Professional services revenue was $31.4 million, down 3.1%.', ['subscription', 'professional-services']],
    ['Subscription revenue was $381.2 million, about 92% of the total.', []],
    // "Our X business had a strong quarter." in a call that presents its businesses.
    ['Let me walk through our businesses. India Formulations revenue was ₹1,946 crore. Our US Generics business had a very strong quarter. US revenue was ₹1,588 crore.', ['india-formulations', 'us-generics']],
    ['Our US Generics business had a very strong quarter.', []],
    // "Let me take the segments in turn." walks through them too; "X, an aside, had net sales of" names X's revenue.
    ['Let me take the segments in turn. Home Care, our largest business, had net sales of $1.02 billion. Personal Care net sales were $684 million. International net sales were $456 million. Pricing added 2 points to International.', ['personal-care', 'international', 'home-care']],
    ['We had net sales of $2.1 billion. It had revenue of $3 million. We take the segments seriously.', []],
    // A Chinese breakdown by business: two or more businesses each with revenue (ids are pinyin).
    ['分业务看，输配电设备业务第三季度实现收入34.2亿元，同比增长15%；新能源装备业务实现收入18.1亿元。', ['shupeidianshebei', 'xinnengyuanzhuangbei']],
    ['公司实现营业收入58.6亿元，其中海外业务实现收入6.3亿元。', []],
    // Enumerated topic sentences, each followed by the business's revenue by name.
    ['先谈谈在线游戏。本季度在线游戏收入为 92.7 亿元，同比增长 15%。\n第二是广告及营销服务。本季度广告及营销服务收入 58.3 亿元，同比增长 9%。', ['zaixianyouxi', 'guanggaojiyingxiaofuwu']],
    ['先谈谈在线游戏。本季度在线游戏收入为 92.7 亿元，同比增长 15%。', []],
    ['第二是人才。我们今年招聘了很多工程师。\n最后是文化。我们重视团队。', []],
    // "二季度" without 第 between a business and its revenue.
    ['分业务看，工业视觉业务二季度实现营收11.42亿元；安防及其他业务二季度实现营收3.39亿元。', ['gongyeshijue', 'anfangjiqita']],
    // After "接下來報告各產品線。", paragraphs that open on a unit with its revenue after ("仍是…", "本季表現…").
    ['接下來報告各產品線。光學鏡頭仍是我們最大的產品線。本季營收89.5億元，占總營收48%，年增9.8%。\n車用模組本季表現最為亮眼。營收55.2億元，年增31.4%。\n光通訊元件營收41.7億元，年增8.1%。', ['guangxuejingtou', 'cheyongmozu', 'guangtongxunyuanjian']],
    ['第三季度，公司实现营业收入86.4亿元；\n第三季度经营利润为6.83亿元，经营利润率为7.9%。', []],
    // A lower-case walk through the divisions that goes on in the short paragraphs after it.
    ['so starting with the fourth quarter group revenue was 284.6 million pounds\nturning to the divisions\nmerchant payments revenue was one hundred and sixty one point three million pounds up fourteen percent\ndriven by volume growth\nbusiness software revenue was eighty nine point seven million pounds up nine percent\nso merchant payments and business software both grew\nthe currency effect was small\nwe saw good demand\nmargins improved\nthe pipeline is strong\nand that is it from me', ['merchant-payments', 'business-software']],
    // "Let me start with X, our largest segment."
    ['Let me start with Agricultural Equipment, our largest segment. Agricultural Equipment revenue was $398.2 million. Turning to Fluid Handling, which is steady. Aftermarket Services revenue was $124.7 million, and we integrated Hollis into Aftermarket Services.', ['agricultural-equipment', 'aftermarket-services', 'fluid-handling']],
    // Right after "Now the divisions.", and never the company itself in another paragraph's opening words.
    ['Let me comment on each of our three divisions. Now the divisions. Battery Materials was again our largest division. Revenue was KRW 562.0 billion.\nSpecialty Chemicals had a more difficult quarter. Revenue declined 2.1% to KRW 431.5 billion.\nFull-year Specialty Chemicals revenue was KRW 1.73 trillion.', ['specialty-chemicals', 'battery-materials']],
    ['Let me walk through the segments. Thanks, and good morning. Granite Harbor had a very good quarter. Revenue was $2.1 billion.', []],
    // "Turning to the divisions, and let me start with X, which …".
    ['Turning to the divisions, and let me start with Infrastructure Services, which was again the main driver of growth. Revenue was £221.4m.', ['infrastructure-services']],
    // In a walk through the segments, a paragraph that opens on a name of two words or more with revenue after it.
    ['Let me turn to the segments, starting with Industrial Automation. Segment revenue was $401.2 million.\nSensing and Instrumentation was steadier. Revenue of $296.7 million increased 4.3%.', ['industrial-automation', 'sensing-and-instrumentation']],
    // "By segment:" with a colon before three units with their revenue.
    ['By segment: Learning Services revenue was $214.5 million. Smart Learning Devices revenue was $71.3 million. Content and Licensing revenue was $26.9 million.', ['learning-services', 'smart-learning-devices', 'content-and-licensing']],
    // "In X, the net revenue was …" for three units, each named again.
    ['Now, the performance of the business units. In Physical Retail, the net revenue was R$ 3.018,4 million. The EBITDA of Physical Retail was R$ 431,6 million. In Digital, the net revenue was R$ 1.021,7 million. Digital grew. In Financial Services, the revenue was R$ 272,5 million. Financial Services grew.', ['physical-retail', 'digital', 'financial-services']],
    // A machine transcript without sentence ends: names in capitals amid lower-case words, each with its own sales.
    [
      'thank you so let me go into the numbers group sales were 1,184 million up 3.2 percent and now to the divisions on slide 9 Laboratory Diagnostics sales were 742 million up 4.1 percent\nPoint of Care sales were 298 million minus 1.3 percent and the margin was 17.8 percent\nand Life Science Reagents sales were 144 million plus 8.3 percent\nso Laboratory Diagnostics and Point of Care and Life Science Reagents all grew in local currencies\nthe currency effect was negative\nwe placed a record number of systems\nthe backlog remains healthy\nthe pricing environment is stable\nwe are confirming our outlook\nand with that over to the operator',
      ['laboratory-diagnostics', 'point-of-care', 'life-science-reagents'],
    ],
    // Enumerated headings that call each name a business, the revenue after them without the name.
    ['分业务来看：\n第一，智能终端业务。本季度智能终端收入 48.73 亿元，同比增长 8.6%。\n第二，物联网平台与服务业务。这是我们增长最快的业务。本季度收入 22.16 亿元。\n第三，汽车电子业务。本季度收入 15.53 亿元。', ['zhinengzhongduan', 'wulianwangpingtaiyufuwu', 'qichedianzi']],
    ['第一，海外业务。本季度收入 6.3 亿元。\n第二，研发业务。我们加大了投入。', []],
    // By product line, each line's revenue "为": ids from the Simplified reading (`車` is "che").
    ['以產品別來看，車用光學營收為新台幣68.5億元，年增25.4%；消費性電子營收為新台幣51.2億元；工業與醫療營收為新台幣32.6億元。', ['cheyongguangxue', 'xiaofeixingdianzi', 'gongyeyuyiliao']],
    ['第三季合併營收為新台幣152.3億元，季增7.2%；前三季累計營收為新台幣421.7億元。', []],
    // Units named with their suffix (事業部), each stating revenue of its own: two or more are segments.
    ['接下來說明各事業部。\n本季出貨量創新高。光通訊事業部第三季營收為新台幣98.7億元，年增40.8%。\n車用電子事業部第三季營收為新台幣52.3億元，年減3.6%。', ['guangtongxunshiyebu', 'cheyongdianzishiyebu']],
    ['光通訊事業部第三季營收為新台幣98.7億元，年增40.8%。', []],
    // The breakdown goes on in the paragraphs after the one that opens it, with or without "业务".
    ['分业务来看，储能系统业务增长最快。三季度储能系统实现收入28.9亿元。\n动力电池业务实现收入51.2亿元。\n公司实现营业收入86.4亿元。', ['chunengxitong', 'donglidianchi']],
    // After "下面我们来看分部业绩，首先是X", each "Y方面，本季度收入…" the speaker goes on to.
    ['下面我们来看分部业绩，首先是公有云。\n企业服务方面，本季度收入为人民币 42.5 亿元。', ['gongyouyun', 'qiyefuwu']],
    ['企业服务方面，本季度收入为人民币 42.5 亿元。', []],
    // Paragraphs that open on a name and a colon, each with that unit's revenue, two or more.
    ['企业云服务：第三季度，企业云服务收入为人民币21.7亿元，同比增长18.6%。\n新能源储能：该业务收入增长 14.7% 至 人民币 11.7 亿元。', ['qiyeyunfuwu', 'xinnengyuanchuneng']],
    ['企业云服务：第三季度，企业云服务收入为人民币21.7亿元，同比增长18.6%。', []],
    ['风险提示：本次会议涉及前瞻性陈述。\n费用方面：本季度研发费用为人民币8.9亿元。', []],
    // A heading that opens the breakdown by business, then the units with their revenue.
    ['二、分业务情况。\n企业云服务业务实现收入人民币21.7亿元；新能源储能业务实现收入人民币11.7亿元。', ['qiyeyunfuwu', 'xinnengyuanchuneng']],
    ['企业云服务业务实现收入人民币21.7亿元；新能源储能业务实现收入人民币11.7亿元。', []],
    // A unit's English name and initials said in words: "也就是 Intelligent Manufacturing，我们内部简称 IM".
    ['分业务来看，智能制造业务，也就是 Intelligent Manufacturing，我们内部简称 IM，是本季度增长的主要引擎。\n新能源装备，英文是 New Energy Equipment，简称 NEE，主要受益于储能需求。', ['intelligent-manufacturing', 'new-energy-equipment']],
    // The initials said before the English name: "第一个是工业自动化业务，简称IA，也就是 Industrial Automation".
    ['接下来是分业务情况。第一个是工业自动化业务，简称IA，也就是 Industrial Automation。IA本季度收入31.6亿元。\n第二个是智能机器人业务，简称IR，英文是 Intelligent Robotics。IR本季度收入21.9亿元。', ['industrial-automation', 'intelligent-robotics']],
    // Topics of the finance section are no businesses: interest, the guidance.
    ['下面我们来看分部业绩，首先是公有云。\n利息方面，本季度利息收入为人民币 3.1 亿元。\n业绩指引方面，我们预计第四季度收入为人民币 198 亿元。', ['gongyouyun']],
    ['下面我们来看出行业务。本季度出行业务收入同比增长 5%。\n即时配送方面，本季度收入同比增长 15%。\n下面我们来看现金流。', ['chuxing', 'jishipeisong']],
    ['In Contract Logistics, revenue grew 4.1%. Freight Forwarding revenue was EUR 880 million. Parcel Network revenue was EUR 510 million. Contract Logistics, Parcel Network and Freight Forwarding all improved.', ['freight-forwarding', 'parcel-network', 'contract-logistics']],
    // Two units named before a plural "divisions"; an enumerated heading sentence ("First, X.") before its revenue.
    ['All three of our divisions grew. Our Electronic Materials and Specialty Chemicals divisions delivered stable profits.', ['electronic-materials', 'specialty-chemicals']],
    ['Next, the three divisions. First, Battery Materials. Revenue was KRW 1.02 trillion. Second, Coatings. Revenue grew 9.6% to KRW 742.3 billion.', ['battery-materials', 'coatings']],
    // A name as a heading sentence before its revenue; a one-word name that starts another is its short name.
    ['Now by segment. Factory Automation. Revenue was 92.8 billion yen. Optical Components. Revenue was 35.3 billion yen. The Optical segment also sells lenses.', ['factory-automation', 'optical-components']],
    // A walk through the units announced at the start of a later paragraph ("Now by business.").
    ['Revenue for the third quarter was NT$17.32 billion.\nNow by business. Advanced Packaging revenue was NT$10.84 billion, up 19.3%. Testing Services revenue was NT$4.12 billion, up 9.6%.', ['advanced-packaging', 'testing-services']],
    // A walk whose paragraphs open on the unit: a measure word joined by "&" is the name's, and one
    // word is a name when it is written with its capital mid-sentence too.
    ['Revenue grew 8.4 percent, driven by growth in Feed. Let me take you through the segments.\nIn Farming, revenue was NOK 4,915 million.\nSales & Processing had a difficult quarter. Revenue was NOK 5,230 million.\nFeed continues to do well. Revenue grew to NOK 1,688 million.', ['farming', 'sales-and-processing', 'feed']],
    ['Let me take you through the segments.\nIn Farming, revenue was NOK 4,915 million.\nDemand continues to be strong. Revenue grew to NOK 1,688 million.', ['farming']],
    // A slide's table with a revenue column whose rows end in a group total: the rows above it are units (not central costs).
    ['Q4 FY25 (three months to 30 June)   Revenue   Reported   Adj. op.\n£m        growth     profit £m\nBuilt Environment   187.4   +9.1%   34.6\nLife Sciences   76.3   +10.5%   19.7\nCentral costs   -   -   (5.4)\nGroup   263.7   +9.5%   48.9', ['built-environment', 'life-sciences']],
    ['Q4 FY25   Revenue   Reported   Adj. op.\nBuilt Environment   187.4   +9.1%   34.6\nLife Sciences   76.3   +10.5%   19.7', []],
    // A period is no unit: "In Q1 FY2026, net sales were …" names none.
    ['Now by segment. In Q1 FY2026, net sales were 412.6 billion yen. In Energy Systems, net sales were 168.2 billion yen. In Factory Automation, net sales were 131.0 billion yen.', ['energy-systems', 'factory-automation']],
    ['In 2025, revenue grew 4.1%. In 3Q25, sales were EUR 880 million.', []],
    // A verb is no unit: "第三季度实现收入21.35亿元" after the unit's heading names 智能座舱, not 实现.
    // An enumerated unit described after a comma ("第二是車用感測模組，這是我們…的產品線。").
    ['首先是電源管理晶片。第三季電源管理晶片營收為2,761百萬元。\n第二是車用感測模組，這是我們成長最快的產品線。第三季車用感測模組營收達到1,997百萬元。', ['dianyuanguanlijingpian', 'cheyonggancemozu']],
    // A market is no unit either: 海外市场 is where the units sell.
    ['第三季度，公司实现营业收入36.82亿元，同比增长18.6%。实现归属于上市公司股东的净利润2.87亿元。\n分业务来看：\n第一，智能座舱业务。第三季度实现收入21.35亿元，同比增长26.1%。\n第二，工业视觉业务。第三季度实现收入10.12亿元，同比增长9.8%。\n海外市场方面，第三季度海外收入7.9亿元，同比增长42%。', ['zhinengzuocang', 'gongyeshijue']],
  ] as const)('%s', (text, expected) => expect(ids(...text.split('\n'))).toEqual(expected));

  it('reads "產品線分為三大類：X（English）、…" as a list of units', () => {
    expect(ids('從今年開始我們的產品線分為三大類：資料中心（Data Center）、網通（Networking），以及工業與醫療（Industrial & Medical）。')).toEqual(['data-center', 'networking', 'industrial-and-medical']);
  });

  it('reads a Chinese list of units with their English names in brackets', () => {
    const [auto, ind] = segmentsFromText(source(turn('executive', '公司三大產品線分別為車用電子（Automotive）、工控（Industrial）與消費性（Consumer），以下依此分類。')));
    expect(auto).toMatchObject({ id: 'automotive', names: { en: 'Automotive', 'zh-Hant': '車用電子' }, aliases: ['Automotive', '車用電子'] });
    expect(ind).toMatchObject({ id: 'industrial', names: { en: 'Industrial', 'zh-Hant': '工控' } });
  });

  it('takes a business that reports its results, when management names it again', () => {
    expect(ids('CCB reported net income of $3.6 billion.', 'In CCB, card balances grew.', 'Next, the CIB reported revenue of $19.4 billion.')).toEqual(['ccb']);
    // In a walk through the businesses ("Moving to our businesses."), each that reports is one.
    expect(ids('Moving to our businesses. CCB reported net income of $3.6 billion.', 'In CCB, card balances grew.', 'Next, the CIB reported revenue of $19.4 billion.')).toEqual(['ccb', 'cib']);
  });

  it('takes every business of a walk where three or more report one after another, named once or more', () => {
    expect(ids('CCB reported net income of $3.6 billion.', 'Next, the CIB reported net income of $7.3 billion.', 'AWM reported net income of $1.6 billion.', 'And to finish up, Corporate reported net income of $307 million.')).toEqual(['ccb', 'cib', 'awm', 'corporate']);
    expect(ids('CCB reported net income of $3.6 billion.', 'Next, the CIB reported net income of $7.3 billion.')).toEqual([]);
  });

  it('takes initials a topic sentence turns to when their results follow at once, not initials that only qualify "segment"', () => {
    expect(ids('Moving next to our AWS segment. Revenue was $33 billion, up 20.2% year-over-year.')).toEqual(['aws']);
    expect(ids('Turning to our SMB segment. We added many customers.')).toEqual([]);
  });

  it('takes two or more businesses named in Chinese with their English names, by the English name', () => {
    const found = segmentsFromText(source(turn('executive', '先说网络游戏（Online Games）业务。本季度表现稳健。', '也就是我们的云与企业服务（Cloud & Enterprise Services）分部，收入增长较快。')));
    expect(found.map((s) => [s.id, s.names.en, s.aliases])).toEqual([
      ['online-games', 'Online Games', ['Online Games', '网络游戏']],
      ['cloud-and-enterprise-services', 'Cloud & Enterprise Services', ['Cloud & Enterprise Services', '云与企业服务']],
    ]);
    expect(ids('我们披露了若干非国际财务报告准则（Non-IFRS）财务指标。')).toEqual([]);
  });

  it('takes the first segment a Chinese speaker goes through, with the pinyin of its name as id, and no words before 分部', () => {
    expect(ids('下面我们来看分部业绩，首先是公有云。', '本季度我们对智能硬件分部计提了减值。')).toEqual(['gongyouyun']);
  });

  it('takes a further name with revenue of its own in a call that presents segments, and not in one that presents none', () => {
    const paragraphs = ['Turning to our Fluid Handling segment. Revenue declined 2%.', 'Aftermarket Services revenue was $430 million, and Aftermarket Services grew fast.'];
    expect(ids(...paragraphs)).toEqual(['fluid-handling', 'aftermarket-services']);
    expect(ids('Atlas revenue grew 26%, and Atlas is now 72% of revenue.')).toEqual([]);
    expect(ids('Turning to our Fluid Handling segment.', 'Product revenue was $812 million.')).toEqual(['fluid-handling']);
  });

  it('never takes an analyst’s words as the company’s segments', () => {
    expect(segmentsFromText(source(turn('analyst', 'How are your Widgets, Gadgets and Gizmos businesses doing?')))).toEqual([]);
  });
});

describe('units of a machine transcript in lower case', () => {
  const asr = [
    'thank you and good morning everyone. so q3 was a good quarter for the group. revenue was up 6.2% reported. cash was strong. we are raising the full year.',
    'let me give you some colour on the divisions. aerospace again led the way. energy services was slower as we flagged. rail was steady and we won a new contract.',
    'now the divisions. aerospace revenue was £231.7 million up 11.3%. energy services revenue was £184.2 million up 2.4%. rail revenue was £122.5 million up 2.9%. central costs were £4.6 million.',
  ];
  it('makes the names whose revenue a walk through the divisions states segments, capitalised', () => {
    expect(ids(...asr)).toEqual(['aerospace', 'energy-services', 'rail']);
    expect(segmentsFromText(source(turn('executive', ...asr))).map((s) => s.names.en)).toEqual(['Aerospace', 'Energy Services', 'Rail']);
  });
  it('takes none without a walk through the units, or from a text written with capitals', () => {
    expect(ids(asr[0]!, asr[1]!, asr[2]!.replace('now the divisions. ', ''))).toEqual([]);
    expect(ids('Thank you. Q3 was good. Revenue was up. Cash was strong. We are raising the year. Costs fell. Margins rose. Demand held. Orders grew. Prices rose.', 'now the divisions. widget revenue was £2 million. gadget revenue was £3 million. widget and gadget are doing well.')).toEqual([]);
  });
});

describe('units named in lower case with "segment"', () => {
  it('makes two or more units with revenue of their own segments', () => {
    expect(ids('Revenue in the cloud segment rose 24% to 742 million euros.', 'Revenue in the software licences and support segment fell 6% to 419 million euros.')).toEqual(['cloud', 'software-licences-and-support']);
    expect(ids('Revenue in the cloud segment rose 24% to 742 million euros.')).toEqual([]);
    expect(ids('Revenue in the same segment rose 2%.', 'Revenue in the largest segment rose 4%.')).toEqual([]);
  });
});

describe('the parts of a total in Chinese', () => {
  it('makes the businesses "其中，" names after the total revenue segments', () => {
    expect(ids('第三季度总收入为218.6亿元，同比增长31.2%。', '其中，车辆销售收入为197.3亿元，同比增长33.5%。', '其他销售收入为21.3亿元，同比增长13.3%。')).toEqual(['cheliangxiaoshou', 'qitaxiaoshou']);
    expect(ids('第三季度总收入为218.6亿元。其中，车辆销售收入为197.3亿元；其他销售收入为21.3亿元。')).toEqual(['cheliangxiaoshou', 'qitaxiaoshou']);
    // Without a total before it, or with one part only, "其中" names no segments.
    expect(ids('第三季度毛利为31.0亿元。', '其中，车辆销售收入为197.3亿元。', '其他销售收入为21.3亿元。')).toEqual([]);
    expect(ids('第三季度总收入为218.6亿元。', '其中，车辆销售收入为197.3亿元。')).toEqual([]);
  });

  it('makes the businesses after "分业务看，" segments when their revenue follows without a verb', () => {
    expect(ids('分业务看，医疗器械收入21.35亿元，同比增长11.0%；康复服务收入11.48亿元，同比增长13.6%；数字健康收入5.79亿元。')).toEqual(['yiliaoqixie', 'kangfufuwu', 'shuzijiankang']);
  });

  it('makes the product lines a speaker goes through after "接下來說明各產品線的營收" segments, each with its quarter named', () => {
    expect(ids('接下來說明各產品線的營收。電源管理晶片第四季營收為新台幣82.0億元，年增9.6%。車用晶片營收為51.3億元。網通晶片營收為53.1億元。')).toEqual(['dianyuanguanlijingpian', 'cheyongjingpian', 'wangtongjingpian']);
    // Without the opener, revenue of a product here and there names none.
    expect(ids('電源管理晶片第四季營收為新台幣82.0億元。車用晶片營收為51.3億元。')).toEqual([]);
  });
});

describe('a bulleted list of units with their sales', () => {
  it('makes each unit a segment when two or more are listed', () => {
    expect(ids('Let me go through the divisions.', '- Orthopaedics: sales of CHF 318.7 million, up 1.1%.', '- Dental: sales of CHF 122.5 million, down 0.8%.')).toEqual(['orthopaedics', 'dental']);
    expect(ids('- Orthopaedics: sales of CHF 318.7 million, up 1.1%.')).toEqual([]);
  });
});

describe('a metric heard as another', () => {
  const aliases = (...paragraphs: string[]) => misheardMetrics(source(turn('executive', ...paragraphs), turn('analyst', 'What about EBITDA and EBITDA margins, EBITDA trends?')));
  it('marks the subscription and services lines as revenue lines, which never become the topic of what follows', () => {
    const lines = segmentsFromText(source(turn('executive', 'Subscription revenue was $381.2 million. Professional services revenue was $31.4 million.')));
    expect(lines.map((l) => [l.id, l.revenue_line])).toEqual([['subscription', true], ['professional-services', true]]);
    // Not when the call presents segments of its own.
    expect(ids("Let's look at the segments, starting with Surgical. Subscription revenue was $381.2 million. Professional services revenue was $31.4 million.")).toEqual(['surgical']);
  });

  it('makes the units a lower-case walk through the divisions opens its paragraphs with segments, when each is named again', () => {
    expect(
      ids(
        'let me go through the three divisions quickly lab solutions our largest division had sales of CHF 141.9 million up 1.8%',
        'industrial sensors had sales of 96.3 million up 2.4 percent',
        'and lifecycle services grew the fastest sales were 46.4 million',
        'so lab solutions and industrial sensors both grew and lifecycle services too',
      ),
    ).toEqual(['lab-solutions', 'industrial-sensors', 'lifecycle-services']);
    // Without the walk, or with a pronoun opening the paragraph, none.
    expect(ids('industrial sensors had sales of 96.3 million', 'and lifecycle services grew the fastest', 'industrial sensors and lifecycle services')).toEqual([]);
    // "so if i go to the divisions um base metals which is essentially …": fillers are no part of
    // a name, and a unit may be said with what it is before its figures.
    expect(
      ids(
        'so if i go to the divisions um base metals which is essentially the copper mine plus the zinc um revenue there was 428.9 million',
        "precious metals so that's the two gold mines um revenue was 183.5 million dollars",
        'base metals ebitda was 172.4 million and precious metals ebitda was 71.9 million',
      ),
    ).toEqual(['base-metals', 'precious-metals']);
    expect(ids("okay so that's the group", "right so that's it for costs", 'the group and costs')).toEqual([]);
  });

  it('takes as many units as a walk says it goes through, each where the talk turns to it', () => {
    const walk = [
      'let me talk about the three segments starting with stores the stores segment is still the heart of the business net sales in stores were 1.63 billion dollars',
      'let me turn to digital which continues to be our fastest growing channel',
      'and then Tidewell Pro our business to business program net sales were 98 million dollars',
    ];
    expect(ids(...walk)).toEqual(['stores', 'digital', 'tidewell-pro']);
    // Fewer units found than the walk said, or a paragraph that turns to no unit: none.
    expect(ids(walk[0]!, walk[1]!, 'and then we opened six new stores')).toEqual([]);
    expect(ids(walk[0]!.replace('three', 'four'), walk[1]!, walk[2]!)).toEqual([]);
  });

  it('takes the first word of the company\'s name as an alias when management says it in the possessive', () => {
    const raw = source(turn('executive', "Net income attributable to Qingyou's shareholders was RMB 1.38 billion."));
    expect(shortNameInUse(raw, 'Qingyou Travel', ['Qingyou Travel'])).toEqual(['Qingyou']);
    expect(shortNameInUse(source(turn('executive', 'Net income was RMB 1.38 billion.')), 'Qingyou Travel', [])).toEqual([]);
    expect(shortNameInUse(source(turn('analyst', "What about Qingyou's margins?")), 'Qingyou Travel', [])).toEqual([]);
  });

  it('reads a lone "EBITDA" as EBITA in a call that says "adjusted EBITA" throughout, and the reverse', () => {
    const ebita = ['Adjusted EBITA was HKD 421 million.', 'Snacks adjusted EBITA was HKD 262 million.', 'Beverages adjusted EBITDA was HKD 194 million.', 'Foodservice adjusted EBITA was negative HKD 18 million.'];
    expect(aliases(...ebita)).toMatchObject({ adjusted_ebitda: 'adjusted_ebita', adjusted_ebitda_margin_pct: 'adjusted_ebita_margin_pct' });
    expect(aliases('Adjusted EBITDA was $52 million.', 'Adjusted EBITDA margin was 21%.', 'Segment adjusted EBITDA was $30 million.', 'Services adjusted EBITA was $9 million.')).toMatchObject({ adjusted_ebita: 'adjusted_ebitda' });
  });
  it('leaves both as said when the call uses both more than once, or names one too seldom to tell', () => {
    expect(aliases('Adjusted EBITA was $421 million.', 'Adjusted EBITDA was $520 million.', 'Adjusted EBITA margin was 9%.', 'Adjusted EBITDA margin was 12%.', 'EBITA grew.')).toEqual({});
    expect(aliases('Adjusted EBITA was $421 million.', 'Adjusted EBITDA was $520 million.')).toEqual({});
  });
});
