/// Okabe & Ito's colour-blind-safe palette (Okabe & Ito 2008, "Color Universal Design"),
/// in the order the design lists it, plus stroke dashes for grey prints.
enum ChartPalette {
    static let colours = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

    /// Any index, negative or past the end, wraps around the palette.
    static func slot(_ index: Int) -> Int {
        ((index % colours.count) + colours.count) % colours.count
    }

    static func colour(_ index: Int) -> String {
        colours[slot(index)]
    }

    /// Stroke of a series. `data-style` lets the print style give each solid colour its own
    /// dash pattern: on screen colour tells the lines apart, on a grey page the dashes do.
    static func strokeAttributes(colour index: Int, dashed: Bool) -> String {
        let dash = dashed ? " stroke-dasharray=\"6 4\"" : ""
        let style = dashed ? "dashed" : "solid c\(slot(index))"
        return "fill=\"none\" stroke=\"\(colour(index))\" stroke-width=\"\(dashed ? "1.5" : "2")\"\(dash)"
            + " stroke-linejoin=\"round\" data-style=\"\(style)\""
    }
}
