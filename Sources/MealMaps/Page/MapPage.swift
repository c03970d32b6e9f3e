import Foundation

/// The page a map is written as: one HTML file holding the SVG, its legend, style and script,
/// that loads nothing from anywhere (districts' machines may have no internet). The script pans
/// and zooms, keeps the scale bar true, shows a dot's details on a tap, and marks the page
/// `data-map-ready="ok"` once drawn (`data-map-error` with the message if anything failed).
public struct MapPage: Sendable {
    public var title: String
    /// The layers, bottom first.
    public var layers: [Markup]
    public var legend: Markup
    /// Everything drawn, and what the page opens on (the focus, or everything).
    public var full: MapBox
    public var fit: MapBox
    public var metresPerUnit: Double

    public init(title: String, layers: [Markup], legend: Markup, full: MapBox, fit: MapBox, metresPerUnit: Double) {
        self.title = title
        self.layers = layers
        self.legend = legend
        self.full = full
        self.fit = fit
        self.metresPerUnit = metresPerUnit
    }

    public var html: String {
        Markup.el(.html, [MarkupAttribute(.lang, "zh-CN")], [
            .el(.head, [], [
                .el(.meta, [MarkupAttribute(.charset, "utf-8")]),
                .el(.meta, [MarkupAttribute(.name, "viewport"), MarkupAttribute(.content, "width=device-width, initial-scale=1")]),
                .el(.title, text: title),
                .el(.style, [], [.asset(MapAssets.style)]),
            ]),
            .el(.body, [], [
                .el(.div, [.class("page")], [
                    .el(.div, [.class("map-frame")], [map, overlay, controls, .el(.div, [MarkupAttribute(.id, "tip"), .class("tip")])]),
                    .el(.aside, [.class("legend")], [legend]),
                ]),
                .el(.script, [], [.asset(MapAssets.script)]),
            ]),
        ]).page()
    }

    private var map: Markup {
        .el(.svg, [MarkupAttribute(.id, "map"), MarkupAttribute(.viewBox, fit.viewBox),
                   MarkupAttribute(.preserveAspectRatio, "xMidYMid meet"), MarkupAttribute(.role, "img"),
                   MarkupAttribute(.ariaLabel, title), .data("full", full.viewBox), .data("fit", fit.viewBox),
                   .data("metres-per-unit", String(format: "%.4f", metresPerUnit))],
            [.el(.rect, [.class("ground"), MarkupAttribute(.x, MapNumber.text(full.minX)), MarkupAttribute(.y, MapNumber.text(full.minY)),
                         MarkupAttribute(.width, MapNumber.text(full.width)), MarkupAttribute(.height, MapNumber.text(full.height))])]
                + layers)
    }

    /// North arrow and scale bar, fixed over the map; the script sets the bar's length.
    private var overlay: Markup {
        .el(.svg, [.class("overlay"), MarkupAttribute(.viewBox, "0 0 200 60"), MarkupAttribute(.ariaLabel, "指北针与比例尺")], [
            .el(.g, [.class("north")], [
                .el(.path, [MarkupAttribute(.d, "M20 8l8 22h-16z")]),
                .el(.text, [MarkupAttribute(.x, "20"), MarkupAttribute(.y, "48"), MarkupAttribute(.textAnchor, "middle")], text: "北"),
            ]),
            .el(.g, [.class("scale")], [
                .el(.line, [MarkupAttribute(.id, "scale-bar"), MarkupAttribute(.x1, "50"), MarkupAttribute(.y1, "40"),
                            MarkupAttribute(.x2, "150"), MarkupAttribute(.y2, "40")]),
                .el(.text, [MarkupAttribute(.id, "scale-label"), MarkupAttribute(.x, "50"), MarkupAttribute(.y, "30")], text: "比例尺"),
            ]),
        ])
    }

    private var controls: Markup {
        .el(.div, [.class("controls")], [
            .el(.button, [MarkupAttribute(.type, "button"), .data("zoom", "in"), MarkupAttribute(.title, "放大")], text: "+"),
            .el(.button, [MarkupAttribute(.type, "button"), .data("zoom", "out"), MarkupAttribute(.title, "缩小")], text: "−"),
            .el(.button, [MarkupAttribute(.type, "button"), .data("zoom", "reset"), MarkupAttribute(.title, "复位")], text: "⟲"),
        ])
    }
}
