"""Writes docs/zh/getting-started.md: the Chinese prose below between the code blocks of
docs/getting-started.md, taken as they are (test/examples/docs.test.ts runs those blocks on the English
page and checks that the Chinese page carries the same ones). Run after the English page changes:
python3 scripts/zh-getting-started.py"""
import re
import subprocess

PROSE = {
    0: """# 快速上手

五分钟内从 `npm install` 得到一张排好序的表：先用命令行，再用 API。两种方式都使用 indicatrix 自带的
基层治理模板：6 个维度、25 个准则、60 个社区指标，`normal`（平时）与 `emergency`（应急）两个情景，
市—区—街道—社区四级链条（街道与区自身职责的 10 个指标、沿海社区的 4 个个性指标、响应级别到情景的映射），
以及一个生成的样例城市（5 个区、31 个街道、331 个社区）。

[English](../getting-started.md)

## 安装

""",
    2: """

安装后有一个命令 `indicatrix`（在项目中用 `npx indicatrix` 运行）和五个入口：

| 导入路径               | 内容                                                                                   |
| ---------------------- | -------------------------------------------------------------------------------------- |
| `indicatrix`           | 库本身：纯函数及其类型，不做文件读写，也可在浏览器中运行；`LIMITS`、`modelJsonSchema` |
| `indicatrix/node`      | 从磁盘读取模型文件和 CSV / Excel 数据，原子地写出结果文件                              |
| `indicatrix/duckdb`    | 通过 SQL 在 DuckDB 中评价（需要可选依赖 `@duckdb/node-api`，见 [sql.md](../sql.md)）   |
| `indicatrix/schema`    | 模型格式的 zod 模式（`ModelSchema`、`NodeSchema` 等）及常量                            |
| `indicatrix/templates` | 内置模型：`grassrootsGovernance`，即 `indicatrix init` 写出的模型                      |

模型文件的 JSON Schema 也随包发布：`indicatrix/schema/model.schema.json`。

## 命令行方式

### 1. 从模板开始

""",
    4: "\n\n",
    6: """

`model.json` 是指标体系（可以直接修改，它已经属于你的项目），`data.csv` 是样例城市：每个单位一行，
列为 `unit, name, level, parent, population` 以及每个指标一列。社区带有指标值；街道、区和市只填写
`parent`（上级单位），其得分由下级汇总得到。

### 2. 校验模型

""",
    8: "\n\n",
    10: """

修改模型后，错误会给出出错的 JSON 路径并以退出码 1 结束，例如
`error unknown_child at profiles.normal.weights.safety.judgments[2]: "shelter_areas" is not a
child of "safety"`（该判断中的指标不是 `safety` 的下级）。把这条命令放进 CI（见 [examples/ci](../../examples/ci/)）。

### 3. 查看权重

""",
    12: "\n\n",
    14: """

输出每个节点的局部权重（在上级节点内）、全局权重（在整个指数中）、权重的来源方法，以及每个 AHP
判断矩阵的一致性比率 CR。不一致的矩阵（CR >= 0.10）会被标出，并给出应当重新考虑的判断及能使其一致的取值。

### 4. 评价

""",
    16: """

`scores.csv` 按输入顺序为每个单位输出一行：树上每个节点的得分（根节点 `governance`、各维度、各准则，
以及每个指标标准化后的值）、每个分组的排名（`governance_rank` 等）、覆盖率（有值指标的比例）；
街道、区和市输出其汇总得分（`status` 为 `rollup`，因为数据中有 `population` 列，按人口加权）。

### 5. 比较情景

""",
    18: "\n\n",
    20: """

其后是两个情景的维度权重，以及向市、区、街道的汇总。`npx indicatrix demo` 不需要任何文件即可输出同样的
报告；`npx indicatrix report my-project/model.json my-project/data.csv --out report.html` 把它写成一个
独立的 HTML 页面。所有命令和选项见[命令行手册](cli.md)。

## API 方式

在 TypeScript（或 JavaScript）中对 `indicatrix init` 写出的文件做同样的步骤：

""",
    22: "\n\n输出\n\n",
    24: """

`score()` 依次做了以下几步（每一步也是一个单独的函数，见[方法](../methods.md)）：

1. **解析情景**：`emergency` 继承 `normal`，增加 14 个应急专用指标，并为六个维度给出自己的 AHP 判断；
2. **标准化**：每个指标按其方向，用模型中固定的阈值（goalposts，超出部分截断）映射到 [0, 1]，
   使得 1 处处表示最好，且一个社区的得分不依赖于其他社区；
3. **赋权**：根节点用 AHP，准则用固定权重，准则内的指标等权；
4. **汇总**：自下而上加权算术平均，缺失值跳过，其权重在其余指标间重新归一（样例中 1% 的单元格为空）；
5. **排名**：每个节点排名（1 为最好，并列取最小名次）。

`result` 中还包括局部和全局权重（`result.weights`）、AHP 一致性（`result.consistency`）、每个单位的
覆盖率、每个指标的标准化参数，以及所用每个选项的来源（provenance）。

### 你自己的模型

模型就是普通数据。最小的可用模型：

""",
    26: "\n\n输出\n\n",
    28: """

把同一个对象写成 `model.json`（或 YAML），命令行即可评价它。[模型文件](model.md)一页说明指标树、方向、
阈值、公式、默认值和情景；若指标体系保存在电子表格中，可用 `modelFromTable` 读取（见
[examples/asem](../../examples/asem/)）。

## 下一步

- [方法](../methods.md)（英文）：每种标准化、赋权、汇总和评价方法的公式、默认值与出处。
- [模型文件](model.md)及其[字段参考](../model-schema.md)（英文）。
- [命令行手册](cli.md)。
- [示例](../../examples/)：Web 服务、研究者脚本（三位专家的 AHP、熵值法、组合赋权、TOPSIS、敏感性分析）、
  CI 校验，以及重建 COINr 的 ASEM 指数。
""",
}

en = open("docs/getting-started.md", encoding="utf-8").read()
parts = re.split(r"(```\w*\n[\s\S]*?```)", en)
out = []
for i, p in enumerate(parts):
    if p.startswith("```"):
        # Links in the English blocks are relative to docs/: none of the blocks has one.
        out.append(p)
    else:
        if i not in PROSE:
            raise SystemExit(f"docs/getting-started.md has a new prose part {i}: translate it here")
        out.append(PROSE[i])
if len([i for i, p in enumerate(parts) if not p.startswith("```")]) != len(PROSE):
    raise SystemExit("docs/getting-started.md lost a prose part: update the translation")
open("docs/zh/getting-started.md", "w", encoding="utf-8").write("".join(out))
# The repository's formatter aligns the tables (CJK characters count double).
subprocess.run(["npx", "biome", "format", "--write", "docs/zh/getting-started.md"], check=True, capture_output=True)
print("wrote docs/zh/getting-started.md")
