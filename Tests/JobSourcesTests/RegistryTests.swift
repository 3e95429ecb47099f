import JobSources
import Testing

@Suite("Job sources: the registry")
struct RegistryTests {
    @Test func everyKind_isFoundByItsName_andNamesAreUnique() {
        let names = SourceKind.allCases.map(\.rawValue)
        #expect(Set(names).count == names.count, "two sources share a name")
        for kind in SourceKind.allCases {
            #expect(SourceKind(rawValue: kind.rawValue) == kind)
            #expect(!kind.source.label.isEmpty && !kind.source.identifierMeaning.isEmpty)
        }
        #expect(SourceKind(rawValue: "import") == nil, "imports are no source kind")
        #expect(SourceKind(rawValue: "Greenhouse") == nil, "names are exact")
    }

    @Test func keyedSources_nameTheirVariables_inTheirMessage() {
        for keys in SourceKind.allCases.compactMap(\.source.keys) {
            #expect(!keys.variables.isEmpty)
            for variable in keys.variables { #expect(keys.missingMessage.contains(variable)) }
        }
    }
}
