"""The Typst template that lays out district reports; :mod:`izmir_maps.reports.pdf` fills it.

It reads everything from ``sys.inputs.data`` (JSON) and shows every text as a Typst string,
so no word of a report is ever parsed as markup.
"""

__all__ = ["TEMPLATE"]

TEMPLATE = """\
// izmir-maps district report. Every word arrives as JSON in sys.inputs.data and is shown
// as a string, never parsed as markup, so no text needs escaping.
#let data = json(bytes(sys.inputs.data))
#let words = data.words
#let ink = rgb("#1f2328")
#let muted = rgb("#57606a")
#let rule = rgb("#8c959f")
#let head-fill = rgb("#eaeef2")
#let mark-fill = rgb("#fff1c2")
#let running = state("running", data.running)

#set document(title: data.title, author: data.author, keywords: data.keywords, date: none)
#set text(font: "DejaVu Sans", size: 9pt, lang: data.lang, hyphenate: false, fill: ink)
#set smartquote(enabled: false)
#set par(justify: false, leading: 0.62em, spacing: 0.95em)
#set page(
  paper: "a4",
  margin: (x: 22mm, top: 18mm, bottom: 22mm),
  footer: context {
    set text(size: 7.5pt, fill: muted)
    line(length: 100%, stroke: 0.4pt + rule)
    v(-0.4em)
    let n = str(counter(page).get().first())
    let total = str(counter(page).final().first())
    running.get()
    h(1fr)
    words.page.replace("{page}", n).replace("{pages}", total)
  },
)
#show heading: set text(fill: ink)
#show heading: set block(above: 1.5em, below: 0.7em)
#show heading.where(level: 1): set text(size: 14pt)
#show heading.where(level: 2): set text(size: 11.5pt)
#show title: set text(size: 18pt)
#show title: set block(below: 0.5em)
#show figure: set block(breakable: true, above: 1.2em, below: 1.4em)
#show figure.caption: set text(size: 8pt)
#show figure.where(kind: table): set figure.caption(position: top)
#set figure.caption(separator: none)
#let cell-x = 4pt
#set table(stroke: none, inset: (x: cell-x, y: 2.6pt))
#set list(indent: 0.4em, body-indent: 0.6em, spacing: 0.75em)
#set enum(indent: 0.4em, body-indent: 0.6em)

#let src-label(slug, n) = label(slug + "-source-" + str(n))

// Footnote marks: superscript numbers, each a link to its entry in the report's source list.
#let marks(slug, notes) = if notes.len() > 0 {
  super(notes.map(n => link(src-label(slug, n), str(n))).join(","))
}

#let sentence(slug, s) = [#s.text#marks(slug, s.notes)]

#let paragraph(slug, b) = if b.sentences.len() > 0 {
  par(b.sentences.map(s => sentence(slug, s)).join(" "))
}

#let bullets(slug, b) = list(..b.items.map(s => sentence(slug, s)))

// A number column is as wide as its widest number (bold, in case it is highlighted) or the
// longest word of its heading: Typst's own sizing shrinks every column of a wide table alike
// and would let "2.950.799.884" run into its neighbour. Text columns share what is left.
#let bold-width(s) = measure(strong(s)).width
#let word-width(s) = calc.max(0pt, ..s.split(" ").map(bold-width))
#let cells-of(t, j) = (t.columns.at(j).label, ..t.rows.map(r => r.at(j)))

#let number-width(t, j) = {
  let numbers = t.rows.map(r => bold-width(r.at(j)))
  calc.max(word-width(t.columns.at(j).label), ..numbers) + 2 * cell-x
}

// Column widths within `room`. A table that fits keeps its natural widths; in a wider one
// each text column gets a share of what the number columns leave, in proportion to the
// square root of its text (a long column gains, not all), never less than its longest word
// nor more than it needs.
#let fit-columns(t, room) = {
  let n = t.columns.len()
  let texts = range(n).filter(j => t.columns.at(j).align != "right")
  let widths = range(n).map(j => if j in texts { auto } else { number-width(t, j) })
  let natural = range(n).map(j => calc.max(..cells-of(t, j).map(bold-width)) + 2 * cell-x)
  let rest = room - widths.filter(w => w != auto).sum(default: 0pt)
  if texts.map(j => natural.at(j)).sum(default: 0pt) <= rest { return widths }
  let least = range(n).map(j => calc.max(..cells-of(t, j).map(word-width)) + 2 * cell-x)
  let weight = range(n).map(j => calc.sqrt(cells-of(t, j).map(c => c.clusters().len()).sum() + 1))
  let open = texts
  let settled = false
  while not settled {
    settled = true
    let left = rest - texts.filter(j => j not in open).map(j => widths.at(j)).sum(default: 0pt)
    let total = open.map(j => weight.at(j)).sum(default: 1)
    for j in open {
      let share = left * weight.at(j) / total
      if share < least.at(j) or share > natural.at(j) {
        widths.at(j) = if share < least.at(j) { least.at(j) } else { natural.at(j) }
        open = open.filter(k => k != j)
        settled = false
        break
      }
    }
    if settled {
      for j in open { widths.at(j) = left * weight.at(j) / total }
    }
  }
  widths
}

#let data-table(slug, t) = {
  let last = t.rows.len() - 1
  let strong-row(i) = t.highlight.contains(i) or (t.total and i == last)
  let cells = ()
  for (i, row) in t.rows.enumerate() {
    if t.total and i == last { cells.push(table.hline(stroke: 0.6pt + ink)) }
    for cell in row {
      let body = if strong-row(i) { strong(cell) } else { cell }
      cells.push(table.cell(fill: if t.highlight.contains(i) { mark-fill }, body))
    }
  }
  figure(
    kind: table,
    supplement: none,
    numbering: none,
    caption: [#t.caption#marks(slug, t.notes)],
    {
      set text(size: 8pt)
      layout(size => table(
        columns: fit-columns(t, size.width),
        stroke: (_, y) => if y > 0 { (bottom: 0.3pt + rgb("#d0d7de")) },
        align: t.columns.map(c => if c.align == "right" { right } else { left }),
        table.header(..t.columns.map(c => table.cell(fill: head-fill, strong(c.label)))),
        table.hline(stroke: 0.6pt + ink),
        ..cells,
        table.hline(stroke: 0.6pt + ink),
      ))
    },
  )
}

#let svg-figure(f) = figure(
  image(bytes(f.svg), format: "svg", alt: f.alt, width: calc.min(f.width_mm, 166) * 1mm),
  kind: image,
  supplement: none,
  numbering: none,
  caption: f.caption,
)

#let block-of(slug, b) = {
  if b.type == "paragraph" { paragraph(slug, b) }
  else if b.type == "bullets" { bullets(slug, b) }
  else if b.type == "table" { data-table(slug, b) }
  else if b.type == "figure" { svg-figure(b) }
}

// The source list is a numbered list (a tagged list in the PDF); each entry carries the label
// its footnote marks link to.
#let sources(r, level) = if r.sources.len() > 0 {
  heading(level: level, words.sources)
  set text(size: 8pt)
  enum(..r.sources.map(s => enum.item(s.number)[#metadata(s.number)#src-label(r.slug, s.number)#s.text]))
}

#let report(r, level) = {
  set text(lang: r.lang)
  running.update(r.running)
  if level == 0 { title(r.title) } else { heading(level: level, r.title) }
  block(text(size: 10.5pt, fill: muted, r.subtitle), below: 1em)
  block(
    width: 100%,
    inset: 7pt,
    stroke: (left: 2pt + rule),
    fill: rgb("#f6f8fa"),
    text(size: 8pt, r.disclaimer),
  )
  for s in r.sections {
    heading(level: level + 1, s.heading)
    for b in s.blocks { block-of(r.slug, b) }
  }
  sources(r, level + 1)
}

#if data.reports.len() == 1 {
  report(data.reports.first(), 0)
} else {
  title(data.title)
  block(text(size: 10.5pt, fill: muted, data.subtitle), below: 1.5em)
  outline(title: words.contents, depth: 1)
  for r in data.reports {
    pagebreak(weak: true)
    report(r, 1)
  }
}
"""
