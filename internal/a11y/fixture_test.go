package a11y

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// fixture is a small site that uses what the example site does not: a
// page bundle case with a before/after gallery, an English translation,
// funding, contact, sources with URLs, scopes, a briefing with a full
// agenda, and a case list of several pages.
var fixture = map[string]string{
	"site.yaml": `title: 样板市老旧小区改造
description: 样板市老旧小区改造的案例与经验做法（测试站点）
base_url: https://example.test/
language: zh-CN
languages: [en]
province: 广东省
page_size: 2
targets:
  communities: 120
  households: 30000
progress:
  - date: 2024-06-30
    communities: 75
    households: 21000
`,
	"content/_index.md": `---
title: 样板市老旧小区改造
---

样板市的改造案例，供居民查看、供各地借鉴。
`,
	"content/cases/xiguan/index.md": `---
title: 西关街道老旧小区改造
summary: 西关街道改造了12个小区，加装电梯18部，居民、企业和政府共同出资。
date: 2024-05-20
updated: 2024-07-01
region:
  city: 样板市
  county: 荔湾区
location: [23.12, 113.24]
status: completed
period:
  start: 2022
  end: 2024
figures:
  zones: 12
  buildings: 86
  households: 3200
  residents: 9100
  area_m2: 215000
  investment_cny: 136000000
figures_note: 投资含加装电梯的费用。
funding:
  government: 90000000
  enterprise: 26000000
  property_units: 8000000
  residents: 12000000
practices:
  - 共同缔造
  - 加装电梯
scope:
  - 基础类
  - 完善类
  - 提升类
tags:
  - 加装电梯
  - 街道
sites:
  - name: 多宝坊小区
    address: 样板市荔湾区多宝路12号
  - name: 宝华社区长者饭堂
    address: 样板市荔湾区宝华路3号
gallery:
  - before: before.png
    after: after.png
    caption: 多宝坊小区的楼道，改造前后
  - image: wide.png
    alt: 改造后的小区广场，老人在树荫下下棋
contact:
  org: 西关街道办事处
  phone: 020-12345678
  email: renovation@example.test
sources:
  - title: 西关街道老旧小区改造情况通报
    url: https://example.test/report/2024-05
    date: 2024-05-20
  - title: 样板市住房和城乡建设局答问
    url: https://example.test/qa
---

## 概况

西关街道从2022年起改造12个小区。

## 做法

| 做法 | 说明 |
| --- | --- |
| 共同缔造 | 居民议事会商定改造内容 |
| 加装电梯 | 18部，居民出资约三成 |

各小区的改造（这张表比手机屏幕宽，要能左右滚动）：

| 小区 | 楼栋 | 户数 | 加装电梯 | 投资 | 开工 | 完工 | 居民出资比例 |
| --- | ---: | ---: | ---: | ---: | --- | --- | ---: |
| 多宝坊 | 12 | 480 | 4 | 21000000 | 2022-03 | 2023-06 | 30% |
| 宝华 | 9 | 350 | 3 | 16500000 | 2022-09 | 2024-01 | 28% |

1. 先问居民要改什么；
2. 再定方案。

> 居民说：“下楼方便多了。”
`,
	"content/cases/xiguan/index.en.md": `---
title: Renovating old communities in Xiguan
summary: Xiguan renovated 12 communities and added 18 lifts, paid for by residents, companies and the government together.
date: 2024-05-20
region:
  city: Yangban
  county: Liwan
status: completed
period:
  start: 2022
  end: 2024
figures:
  zones: 12
  households: 3200
  residents: 9100
  investment_cny: 136000000
funding:
  government: 90000000
  residents: 12000000
gallery:
  - before: before.png
    after: after.png
    caption: A stairway of Duobaofang, before and after
  - image: wide.png
    alt: The renovated square, with older residents playing chess in the shade
contact:
  org: Xiguan Subdistrict Office
  phone: 020-12345678
sources:
  - title: Report on the renovation in Xiguan
    url: https://example.test/report/2024-05
    date: 2024-05-20
---

## Overview

Xiguan has renovated 12 communities since 2022.
`,
	"content/cases/beicheng.md": `---
title: 北城老旧小区改造
summary: 北城改造8个小区，正在建设。
date: 2024-04-02
region:
  city: 样板市
  county: 北城区
status: under-construction
period:
  start: 2023
figures:
  zones: 8
  households: 2100
practices:
  - 共同缔造
scope:
  - 基础类
sources:
  - title: 北城区政府工作报告
---

北城区正在改造8个小区。
`,
	"content/cases/dongshan.md": `---
title: 东山片区改造
summary: 东山片区改造规划中。
date: 2024-03-15
region:
  city: 另一市
status: planned
practices:
  - 加装电梯
---

东山片区的改造还在规划。
`,
	"content/cases/nanhu.md": `---
title: 南湖小区综合整治
summary: 南湖小区完成综合整治。
date: 2024-02-10
region:
  city: 另一市
  county: 南湖县
status: completed
figures:
  households: 640
  investment_cny: 21000000
---

南湖小区完成综合整治。
`,
	"content/cases/hexi.md": `---
title: 河西老旧小区改造
date: 2024-01-05
region:
  city: 样板市
  county: 北城区
status: completed
---

河西改造了5个小区。
`,
	"content/practices/co-creation.md": `---
title: 共同缔造
summary: 居民、企业和政府一起商量、一起出资、一起管理。
weight: 1
---

共同缔造说的是**大家的事大家办**。
`,
	"content/briefings/visit.md": `---
title: 2024年样板市老旧小区改造观摩活动
date: 2024-06-12
place: 样板市荔湾区
organizer: 样板市住房和城乡建设局
cases:
  - xiguan
  - beicheng
agenda:
  - time: "09:00"
    title: 现场观摩：多宝坊小区
    case: xiguan
    place: 多宝坊小区
  - time: "10:30"
    title: 现场观摩：北城
    case: beicheng
    place: 北城区
  - time: "14:00"
    title: 经验交流
    place: 区政府会议室
    speakers:
      - 西关街道
      - 北城区住房和城乡建设局
---

## 活动目的

交流经验。
`,
	"content/pages/about.md": `---
title: 关于本站
date: 2024-01-01
updated: 2024-06-01
weight: 1
---

本站是主题测试用的站点。

## 联系我们

请写信到 [renovation@example.test](mailto:renovation@example.test)。
`,
	"content/pages/about.en.md": `---
title: About this site
---

A site to test the theme.
`,
}

// writeFixture writes the fixture site, with its images, into a new
// folder and returns it.
func writeFixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range fixture {
		write(t, filepath.Join(dir, name), []byte(text))
	}
	bundle := filepath.Join(dir, "content/cases/xiguan")
	write(t, filepath.Join(bundle, "before.png"), pngBytes(t, 64, 48, color.RGBA{120, 110, 100, 255}))
	write(t, filepath.Join(bundle, "after.png"), pngBytes(t, 64, 48, color.RGBA{90, 150, 110, 255}))
	write(t, filepath.Join(bundle, "wide.png"), pngBytes(t, 128, 48, color.RGBA{200, 170, 90, 255}))
	return dir
}

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// pngBytes draws a small picture: a colour with a darker band, so that a
// screenshot shows where it is.
func pngBytes(t *testing.T, w, h int, c color.RGBA) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	dark := color.RGBA{c.R / 2, c.G / 2, c.B / 2, 255}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			if y > h*2/3 {
				img.Set(x, y, dark)
			} else {
				img.Set(x, y, c)
			}
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
