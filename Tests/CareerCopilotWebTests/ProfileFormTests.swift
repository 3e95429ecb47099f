import CareerCopilotCore
import Profiles
import Testing

@testable import CareerCopilotWeb

@Suite("The profile form")
struct ProfileFormTests {
    @Test func theForm_roundTripsAProfile() {
        var profile = Profile()
        profile.basics.name = "Grace Hopper"
        profile.basics.profiles = ["https://github.com/grace"]
        var role = Profile.Work(name: "Remington Rand", position: "Engineer", startDate: "1949-01")
        role.highlights = ["Wrote the first compiler", "Found a moth"]
        profile.work = [role]
        profile.skills = [Profile.Skill(name: "COBOL", level: "Expert", years: 12), Profile.Skill(name: "Go")]
        profile.languages = [Profile.Language(language: "English", fluency: "Native")]
        profile.preferences.targetTitles = ["Compiler Engineer", "Language Designer"]
        profile.preferences.locations = ["New York, NY", "Remote"]
        profile.preferences.remote = [.remote, .hybrid]
        profile.preferences.minSalary = 120_000
        profile.preferences.salaryCurrency = "USD"
        profile.preferences.hardFilters = ["remote", "salary"]
        let values = ProfileForm.values(of: profile)
        let (read, issues) = ProfileForm.profile(from: values)
        #expect(issues.isEmpty)
        #expect(read.basics == profile.basics)
        #expect(read.work == profile.work)
        #expect(read.skills == profile.skills)
        #expect(read.languages == profile.languages)
        #expect(read.preferences.remote.sorted { $0.rawValue < $1.rawValue } == [.hybrid, .remote])
        #expect(read.preferences.targetTitles == profile.preferences.targetTitles)
        #expect(read.preferences.locations == profile.preferences.locations)
        #expect(read.preferences.minSalary == 120_000)
        #expect(read.preferences.hardFilters == ["remote", "salary"])
        let (_, bad) = ProfileForm.profile(from: ["skills[0].name": "Go", "skills[0].years": "many", "preferences.min_salary": "lots"])
        #expect(bad.contains("skills[0].years must be a number of years"))
        #expect(bad.contains { $0.hasPrefix("preferences.min_salary") })
    }

    @Test func messagesName_theRowAndField_asThePageShowsThem() {
        #expect(ProfileForm.label("work[1].startDate") == "Experience 2: From")
        #expect(ProfileForm.label("skills[0].years") == "Skill 1: Years")
        #expect(ProfileForm.label("basics.email") == "E-mail")
        #expect(ProfileForm.label("work[x].name") == "work[x].name", "a name the form does not know is shown as sent")
        #expect(ProfileForm.label("nothing[3].here") == "nothing[3].here")
        let form = FormState(issues: ["skills[0].years must be a number of years"], fields: ProfileForm.fields(["skills[0].years", "skills[0].name"]))
        #expect(form.fieldErrors["skills[0].years"] == ["Must be a number of years"])
    }
}
