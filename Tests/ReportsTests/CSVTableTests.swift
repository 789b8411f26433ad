import Testing
@testable import Reports

@Suite struct CSVTableTests {
    private func csv(_ row: [String]) -> String {
        var table = CSVTable(header: ["h"])
        table.append(row)
        return table.text
    }

    @Test func headerOnlyEndsWithNewline() {
        #expect(CSVTable(header: ["a", "b"]).text == "a,b\n")
    }

    @Test func plainFieldsAreNotQuoted() {
        #expect(csv(["1", "x y", " padded ", "é", ""]) == "h\n1,x y, padded ,é,\n")
    }

    @Test func commaForcesQuotes() {
        #expect(csv(["a,b", "c"]) == "h\n\"a,b\",c\n")
    }

    @Test func quotesAreDoubled() {
        #expect(csv(["say \"hi\""]) == "h\n\"say \"\"hi\"\"\"\n")
        #expect(csv(["\""]) == "h\n\"\"\"\"\n")
    }

    @Test func lineBreaksForceQuotes() {
        #expect(csv(["a\nb"]) == "h\n\"a\nb\"\n")
        #expect(csv(["a\rb"]) == "h\n\"a\rb\"\n")
        #expect(csv(["a\r\nb"]) == "h\n\"a\r\nb\"\n")
    }

    @Test func rowsKeepTheirOrder() {
        var table = CSVTable(header: ["x", "y"])
        table.append(["1", "2"])
        table.append(["3", "4"])
        #expect(table.text == "x,y\n1,2\n3,4\n")
    }
}
