/// Every source the product reads, in the order forms list them. Adding a source adds its line.
extension SourceKind {
    public static let allCases: [SourceKind] = [
        .greenhouse, .lever, .leverEU, .ashby, .smartrecruiters, .workable, .recruitee, .remoteok, .remotive, .arbeitnow,
        .hn, .rss, .jsonLD, .adzuna, .usajobs,
    ]
}
