using Sparkify.Pipeline.State;

namespace Sparkify.Pipeline.Tests.State;

public class PasswordsTests
{
    [Test]
    public void Generated_passwords_meet_redshift_rules_and_differ()
    {
        var passwords = Enumerable.Range(0, 200).Select(_ => Passwords.New()).ToList();

        Assert.That(passwords.All(Passwords.MeetsRedshiftRules), Is.True);
        Assert.That(passwords.Distinct().Count(), Is.EqualTo(200));
    }

    [TestCase("short1A", false)]
    [TestCase("nouppercase1", false)]
    [TestCase("Has/Slash1", false)]
    [TestCase("Has@At1xx", false)]
    [TestCase("Good-Passw0rd", true)]
    public void Redshift_rules_are_checked(string password, bool valid) =>
        Assert.That(Passwords.MeetsRedshiftRules(password), Is.EqualTo(valid));

    [Test]
    public void Generated_password_is_redacted_from_log_lines()
    {
        var password = Passwords.New();

        Assert.That(Redact.Text($"connecting with {password} now"), Is.EqualTo("connecting with *** now"));
    }
}
