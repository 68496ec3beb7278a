package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/guangdong-renovation/showcase/internal/content"
)

func runNew(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	flags := newFlags("new", "new case SLUG [-s SITE]", stderr)
	siteDir := flags.String("s", ".", "site folder")
	// Flags may come before or after "case SLUG".
	var pos []string
	for len(args) > 0 {
		if code := parse(flags, args); code >= 0 {
			return code
		}
		if flags.NArg() == 0 {
			break
		}
		pos = append(pos, flags.Arg(0))
		args = flags.Args()[1:]
	}
	if len(pos) != 2 || pos[0] != "case" {
		fmt.Fprintln(stderr, "Usage: showcase new case SLUG [-s SITE]")
		return exitUsage
	}
	slug := pos[1]
	if !content.ValidSlug(slug) {
		fmt.Fprintf(stderr, "showcase new: %q is not a valid slug: use lower-case ASCII letters, digits and '-' (it becomes the URL /cases/%s/)\n", slug, slug)
		return exitUsage
	}
	dir := filepath.Join(*siteDir, "content", "cases")
	path := filepath.Join(dir, slug+".md")
	for _, p := range []string{path, filepath.Join(dir, slug, "index.md")} {
		if _, err := os.Stat(p); err == nil {
			fmt.Fprintf(stderr, "showcase new: %s already exists\n", p)
			return exitUsage
		} else if !errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintf(stderr, "showcase new: %v\n", err)
			return exitUsage
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintf(stderr, "showcase new: %v\n", err)
		return exitUsage
	}
	text := strings.ReplaceAll(caseSkeleton, "{{date}}", time.Now().Format("2006-01-02"))
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		fmt.Fprintf(stderr, "showcase new: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stdout, "wrote %s: fill it in, then run showcase check\n", path)
	return exitOK
}

// caseSkeleton is a new case: the required fields filled in with
// placeholders that pass check, every optional field commented out with
// its meaning. Figures are plain numbers in base units.
const caseSkeleton = `---
# 案例标题（必填）
title: 新案例（请改为：某市老旧小区改造）
# 一两句话的摘要；不写则取正文第一段
# summary: 
# 发布日期（必填，YYYY-MM-DD）
date: {{date}}
# 最近一次实质更新的日期
# updated: {{date}}
# 草稿：true 时不发布（build --drafts 可预览）
draft: true
region:
  # 省份；不写则用 site.yaml 的 province
  # province: 广东省
  # 地级市（必填）
  city: 某市
  # 县级单位：县、县级市或区
  # county: 某县
# 位置：[纬度, 经度]，WGS-84 十进制度数
# location: [22.18, 112.30]
# 状态（必填）：planned（规划中）、under-construction（建设中）或 completed（已完工）
status: planned
# 实施年份；end 不早于 start
# period:
#   start: 2021
#   end: 2023
# 关键数字：一律写基本单位的纯数字（元、平方米、人）
# figures:
#   zones: 21              # 改造片区或小区个数
#   buildings: 758         # 楼栋数
#   households: 12000      # 户数
#   residents: 80000       # 受益居民人数
#   area_m2: 1740000       # 改造面积，平方米
#   investment_cny: 825000000  # 投资，元
# 对上述数字口径的说明（例如哪些数字是全部完成后的总数）
# figures_note: 
# 资金共担：各方出资，元
# funding:
#   government: 0
#   enterprise: 0
#   property_units: 0
#   residents: 0
# 经验做法：与 content/practices/ 中各文件的 title 一致
# practices: [党建引领, 共同缔造]
# 改造内容类别：基础类、完善类、提升类
# scope: [基础类, 完善类]
# 自由标签
# tags: [县城]
# 可观摩的点位
# sites:
#   - name: 某街道某小区
#     address: 某市某路1号
#     location: [22.18, 112.30]
# 图片：路径相对于页面包（content/cases/SLUG/ 文件夹）或 static/
# gallery:
#   - before: before.jpg
#     after: after.jpg
#     caption: 改造前后的小区主路
#     alt: 小区主路，改造前路面破损，改造后铺设平整
# 联系方式
# contact:
#   org: 某市住房和城乡建设局
#   phone: 
#   email: 
# 事实和数字的出处（建议必写）
# sources:
#   - title: 某报告
#     url: https://example.org/report
#     date: {{date}}
---

## 概况

在这里写改造前的情况、改造了什么、花了多少钱、惠及多少居民。

## 经验做法

在这里写可供借鉴的做法。
`
