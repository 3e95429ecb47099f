/// The skills the product knows: canonical names, the other ways postings write them, and a
/// category. Extraction finds them in a posting's title and text; profile matching will use
/// the same names.
public struct SkillTaxonomy: Sendable {
    public struct Skill: Sendable, Equatable {
        public let name: String
        public let category: String
        /// Lowercase spellings, one to three words ("k8s", "google cloud").
        public let aliases: [String]
        /// Spellings that are skills only with this exact case ("Go", "Swift", "React").
        public let exactCase: [String]
    }

    public let skills: [Skill]
    private let byAlias: [String: Int]
    private let byExactCase: [String: Int]

    public init(_ skills: [Skill]) {
        self.skills = skills
        var byAlias: [String: Int] = [:]
        var byExactCase: [String: Int] = [:]
        for (index, skill) in skills.enumerated() {
            for alias in skill.aliases { byAlias[alias] = index }
            for spelling in skill.exactCase { byExactCase[spelling] = index }
        }
        self.byAlias = byAlias
        self.byExactCase = byExactCase
    }

    /// The canonical name of a spelling ("JS" → "JavaScript"), if it is a known skill.
    public func canonicalName(_ spelling: String) -> String? {
        let words = Self.words(spelling)
        let key = words.map { $0.lowercased() }.joined(separator: " ")
        if let index = byAlias[key] ?? byExactCase[words.joined(separator: " ")] { return skills[index].name }
        return nil
    }

    /// The known skills a text mentions, in taxonomy order. Reads the text once: its words,
    /// and pairs and triples of words, are looked up in the alias tables.
    public func extract(from texts: String...) -> [String] {
        var found = Set<Int>()
        for text in texts {
            let words = Self.words(text)
            let lowered = words.map { $0.lowercased() }
            for index in words.indices {
                if let skill = byExactCase[words[index]] { found.insert(skill) }
                var phrase = ""
                for length in 0..<3 where index + length < words.count {
                    phrase += (length == 0 ? "" : " ") + lowered[index + length]
                    if let skill = byAlias[phrase] { found.insert(skill) }
                }
            }
        }
        return found.sorted().map { skills[$0].name }
    }

    /// Words as skills are written: letters, digits and `+ # .` inside ("C++", "C#", "node.js",
    /// ".NET"); a sentence's final dot is not part of its last word.
    /// ASCII letters, digits and `+ # .` — the common case, without a Unicode property lookup.
    private static let asciiWordBytes: [Bool] = (0..<128).map { byte in
        let scalar = Unicode.Scalar(UInt8(byte))
        return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "+" || scalar == "#" || scalar == "."
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
            || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark
    }

    static func words(_ text: String) -> [String] {
        // Scalars, not characters: grapheme breaking would cost more than the lookups.
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 ? Self.asciiWordBytes[Int(scalar.value)] : Self.isWordScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words.compactMap { word in
            var word = Substring(word)
            while word.hasSuffix(".") { word = word.dropLast() }
            while word.hasPrefix("."), word.count > 1, !word.lowercased().hasPrefix(".net") { word = word.dropFirst() }
            return word.isEmpty ? nil : String(word)
        }
    }

    public static let standard = SkillTaxonomy(
        entries.map { entry in
            // A name matched only as written is not also a lowercase alias.
            let names = entry.3.contains(entry.0) ? [] : [entry.0.lowercased()]
            return Skill(
                name: entry.0, category: entry.1, aliases: (names + entry.2).map { words($0).map { $0.lowercased() }.joined(separator: " ") },
                exactCase: entry.3)
        })

    /// (name, category, other lowercase spellings, exact-case-only spellings). A name that is
    /// also an everyday word ("Go", "Swift", "React", "Spark") is matched only as written.
    static let entries: [(String, String, [String], [String])] = [
        ("JavaScript", "language", ["js", "ecmascript", "es6"], []),
        ("TypeScript", "language", [], []),
        ("Python", "language", ["python3"], []),
        ("Java", "language", [], []),
        ("Kotlin", "language", [], []),
        ("Swift", "language", [], ["Swift"]),
        ("Objective-C", "language", ["objective c", "objc"], []),
        ("Go", "language", ["golang"], ["Go"]),
        ("Rust", "language", [], []),
        ("C++", "language", ["cpp"], []),
        ("C#", "language", ["csharp", "c sharp"], []),
        ("Ruby", "language", [], []),
        ("PHP", "language", [], []),
        ("Scala", "language", [], []),
        ("Elixir", "language", [], []),
        ("Haskell", "language", [], []),
        ("Clojure", "language", [], []),
        ("Dart", "language", [], []),
        ("Lua", "language", [], []),
        ("Perl", "language", [], []),
        ("SQL", "language", [], []),
        ("Bash", "language", ["shell scripting"], []),
        ("Assembly", "language", ["assembler", "asm"], []),
        ("MATLAB", "language", [], []),
        ("Julia", "language", [], ["Julia"]),
        ("Fortran", "language", [], []),
        ("COBOL", "language", [], []),
        ("F#", "language", ["fsharp"], []),
        ("Erlang", "language", [], []),
        ("OCaml", "language", [], []),
        ("Groovy", "language", [], []),
        ("Solidity", "language", [], []),
        ("VBA", "language", ["visual basic", "vb.net"], []),
        ("React", "framework", ["reactjs", "react.js"], ["React"]),
        ("React Native", "framework", ["react-native"], []),
        ("Vue", "framework", ["vue.js", "vuejs"], []),
        ("Angular", "framework", ["angularjs"], []),
        ("Svelte", "framework", [], []),
        ("Next.js", "framework", ["nextjs"], []),
        ("Node.js", "framework", ["nodejs"], ["Node"]),
        ("Django", "framework", [], []),
        ("Flask", "framework", [], []),
        ("FastAPI", "framework", [], []),
        ("Rails", "framework", ["ruby on rails", "ror"], ["Rails"]),
        ("Spring", "framework", ["spring boot"], ["Spring"]),
        (".NET", "framework", ["dotnet", "asp.net"], []),
        ("Laravel", "framework", [], []),
        ("Vapor", "framework", [], ["Vapor"]),
        ("SwiftUI", "framework", [], []),
        ("UIKit", "framework", [], []),
        ("Flutter", "framework", [], []),
        ("Express", "framework", ["express.js", "expressjs"], ["Express"]),
        ("NestJS", "framework", ["nest.js"], []),
        ("Symfony", "framework", [], []),
        ("jQuery", "framework", [], []),
        ("Redux", "framework", [], []),
        ("Jetpack Compose", "framework", [], []),
        ("Qt", "framework", [], ["Qt"]),
        ("Unity", "framework", ["unity3d"], ["Unity"]),
        ("Unreal Engine", "framework", ["unreal", "ue5", "ue4"], []),
        ("Electron", "framework", [], ["Electron"]),
        ("Hibernate", "framework", [], []),
        ("GraphQL", "api", [], []),
        ("REST", "api", ["restful", "rest api", "rest apis"], ["REST"]),
        ("gRPC", "api", [], []),
        ("WebSockets", "api", ["websocket"], []),
        ("Microservices", "architecture", ["microservice", "micro services"], []),
        ("Distributed Systems", "architecture", ["distributed system"], []),
        ("RabbitMQ", "data", [], []),
        ("PostgreSQL", "database", ["postgres", "psql"], []),
        ("MySQL", "database", ["mariadb"], []),
        ("SQLite", "database", [], []),
        ("MongoDB", "database", ["mongo"], []),
        ("Redis", "database", [], []),
        ("Elasticsearch", "database", ["elastic search", "opensearch"], []),
        ("Cassandra", "database", [], []),
        ("DynamoDB", "database", [], []),
        ("Oracle", "database", ["oracle database", "pl/sql", "plsql"], ["Oracle"]),
        ("SQL Server", "database", ["mssql", "microsoft sql server", "t-sql", "tsql"], []),
        ("Neo4j", "database", [], []),
        ("ClickHouse", "database", [], []),
        ("Snowflake", "data", [], ["Snowflake"]),
        ("BigQuery", "data", [], []),
        ("Kafka", "data", ["apache kafka"], []),
        ("Spark", "data", ["apache spark", "pyspark"], ["Spark"]),
        ("Airflow", "data", ["apache airflow"], []),
        ("dbt", "data", [], []),
        ("Pandas", "data", [], []),
        ("NumPy", "data", [], []),
        ("Jupyter", "data", [], []),
        ("Hadoop", "data", [], []),
        ("Flink", "data", ["apache flink"], []),
        ("Databricks", "data", [], []),
        ("ETL", "data", ["elt"], []),
        ("Tableau", "data", [], []),
        ("Power BI", "data", ["powerbi"], []),
        ("Looker", "data", [], ["Looker"]),
        ("Excel", "data", ["microsoft excel", "ms excel"], ["Excel"]),
        ("AWS", "cloud", ["amazon web services"], []),
        ("Google Cloud", "cloud", ["gcp", "google cloud platform"], []),
        ("Azure", "cloud", ["microsoft azure"], []),
        ("Docker", "devops", [], []),
        ("Kubernetes", "devops", ["k8s", "eks", "gke", "aks"], []),
        ("Terraform", "devops", [], []),
        ("Ansible", "devops", [], []),
        ("CI/CD", "devops", ["ci cd", "continuous integration", "continuous delivery", "continuous deployment"], []),
        ("GitHub Actions", "devops", [], []),
        ("Jenkins", "devops", [], []),
        ("Linux", "devops", [], []),
        ("Prometheus", "devops", [], []),
        ("Grafana", "devops", [], []),
        ("Helm", "devops", [], ["Helm"]),
        ("Istio", "devops", [], []),
        ("OpenShift", "devops", [], []),
        ("Nginx", "devops", [], []),
        ("Pulumi", "devops", [], []),
        ("CloudFormation", "devops", [], []),
        ("AWS Lambda", "cloud", ["lambda functions"], []),
        ("Datadog", "devops", [], []),
        ("Splunk", "devops", [], []),
        ("Argo CD", "devops", ["argocd"], []),
        ("GitLab CI", "devops", ["gitlab ci/cd", "gitlab"], []),
        ("Machine Learning", "ai", ["ml", "machine-learning"], []),
        ("Deep Learning", "ai", [], []),
        ("PyTorch", "ai", [], []),
        ("TensorFlow", "ai", [], []),
        ("LLM", "ai", ["llms", "large language models", "large language model"], []),
        ("NLP", "ai", ["natural language processing"], []),
        ("Computer Vision", "ai", [], []),
        ("Generative AI", "ai", ["genai", "gen ai"], []),
        ("LangChain", "ai", [], []),
        ("Hugging Face", "ai", ["huggingface"], []),
        ("RAG", "ai", ["retrieval augmented generation", "retrieval-augmented generation"], ["RAG"]),
        ("MLOps", "ai", [], []),
        ("scikit-learn", "ai", ["sklearn", "scikit learn"], []),
        ("Reinforcement Learning", "ai", [], []),
        ("iOS", "platform", [], []),
        ("Android", "platform", [], []),
        ("Xcode", "platform", [], []),
        ("Embedded Systems", "embedded", ["embedded software", "embedded systems", "embedded linux"], []),
        ("Firmware", "embedded", [], []),
        ("RTOS", "embedded", ["real-time operating system"], []),
        ("FreeRTOS", "embedded", [], []),
        ("Zephyr", "embedded", ["zephyr rtos"], ["Zephyr"]),
        ("Yocto", "embedded", [], []),
        ("CAN bus", "embedded", ["canbus", "can-bus", "can bus"], []),
        ("SPI", "embedded", [], ["SPI"]),
        ("I2C", "embedded", ["i²c"], []),
        ("STM32", "embedded", [], []),
        ("AUTOSAR", "embedded", [], []),
        ("FPGA", "embedded", [], []),
        ("Verilog", "embedded", ["systemverilog"], []),
        ("VHDL", "embedded", [], []),
        ("PLC", "embedded", [], ["PLC"]),
        ("Simulink", "embedded", [], []),
        ("LabVIEW", "embedded", [], []),
        ("Bluetooth", "embedded", ["ble", "bluetooth low energy"], []),
        ("TCP/IP", "networking", ["tcp ip"], []),
        ("Figma", "design", [], []),
        ("Sketch", "design", [], ["Sketch"]),
        ("Adobe XD", "design", [], []),
        ("Photoshop", "design", ["adobe photoshop"], []),
        ("Illustrator", "design", ["adobe illustrator"], ["Illustrator"]),
        ("UX Research", "design", ["user research", "usability testing"], []),
        ("HTML", "web", ["html5"], []),
        ("CSS", "web", ["css3", "sass", "scss", "tailwind"], []),
        ("Git", "tools", [], []),
        ("Jira", "tools", [], []),
        ("Confluence", "tools", [], ["Confluence"]),
        ("Selenium", "testing", [], []),
        ("Cypress", "testing", [], ["Cypress"]),
        ("Playwright", "testing", [], ["Playwright"]),
        ("Jest", "testing", [], ["Jest"]),
        ("pytest", "testing", [], []),
        ("JUnit", "testing", [], []),
        ("Test Automation", "testing", ["automated testing", "automation testing"], []),
        ("Agile", "practice", ["scrum"], []),
        ("Application Security", "practice", ["appsec", "infosec"], []),
        ("Penetration Testing", "security", ["pentesting", "pen testing", "pentest"], []),
        ("SIEM", "security", [], []),
        ("OWASP", "security", [], []),
        ("SOC 2", "security", ["soc2"], []),
        ("ISO 27001", "security", ["iso/iec 27001"], []),
        ("Kanban", "practice", [], []),
        ("Salesforce", "business", [], []),
        ("HubSpot", "business", [], []),
        ("SAP", "business", [], ["SAP"]),
        ("CRM", "business", [], ["CRM"]),
        ("SEO", "marketing", ["search engine optimization", "search engine optimisation"], []),
        ("Google Analytics", "marketing", [], []),
        ("Google Ads", "marketing", ["adwords"], []),
        ("Copywriting", "marketing", [], []),
    ]
}
