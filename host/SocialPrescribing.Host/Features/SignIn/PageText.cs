using System.Globalization;

namespace SocialPrescribing.Host.Features.SignIn;

/// <summary>
/// Every word the sign-in pages show, once per language. A record with required members rather than resource files:
/// a language that lacks a string does not compile.
/// </summary>
internal sealed partial record PageText
{
    public static PageText For(string lang) => lang == French.Lang ? French : English;

    public string Format(string text, object value) => string.Format(CultureInfo.GetCultureInfo(Lang), text, value);

    /// <summary>The page's language (lang attribute, links).</summary>
    public required string Lang { get; init; }

    /// <summary>The link to the page in the other language, written in that language.</summary>
    public required string SwitchLanguage { get; init; }

    public required string SwitchLang { get; init; }

    public required string Product { get; init; }

    public required string ErrorSummary { get; init; }

    public required string Required { get; init; }

    public required string FormExpired { get; init; }

    public required string SignInTitle { get; init; }

    public required string UserName { get; init; }

    public required string Password { get; init; }

    public required string SignInButton { get; init; }

    public required string WrongPassword { get; init; }

    public required string LockedOut { get; init; }

    /// <summary>{0}: seconds.</summary>
    public required string TooManyAttempts { get; init; }

    public required string ForgotPassword { get; init; }

    public required string PasswordSaved { get; init; }

    public required string TwoFactorTitle { get; init; }

    public required string TwoFactorIntro { get; init; }

    public required string Code { get; init; }

    public required string Verify { get; init; }

    public required string WrongCode { get; init; }

    public required string SetupTitle { get; init; }

    public required string SetupIntro { get; init; }

    public required string SetupKey { get; init; }

    public required string SetupLink { get; init; }

    public required string TurnOn { get; init; }

    public required string TwoFactorOn { get; init; }

    public required string Continue { get; init; }

    public required string TenantTitle { get; init; }

    public required string TenantLegend { get; init; }

    public required string ChooseTenant { get; init; }

    public required string NoTenantTitle { get; init; }

    public required string NoTenant { get; init; }

    public required string ForgotTitle { get; init; }

    public required string ForgotIntro { get; init; }

    public required string SendLink { get; init; }

    public required string LinkSent { get; init; }

    public required string ResetTitle { get; init; }

    public required string InvitationTitle { get; init; }

    /// <summary>{0}: the sign-in name.</summary>
    public required string InvitationIntro { get; init; }

    public required string NewPassword { get; init; }

    public required string ConfirmPassword { get; init; }

    public required string PasswordRule { get; init; }

    public required string PasswordsDiffer { get; init; }

    public required string SavePassword { get; init; }

    public required string LinkInvalid { get; init; }

    public required string AccountTitle { get; init; }

    /// <summary>{0}: the display name.</summary>
    public required string SignedInAs { get; init; }

    public required string SignOut { get; init; }

    public required string SignedOutTitle { get; init; }

    public required string SignedOutBody { get; init; }

    /// <summary>{0}: the provider's name.</summary>
    public required string SignInWith { get; init; }

    public required string OrSignInWith { get; init; }

    public required string PasswordNotUsed { get; init; }

    public required string FederationRefusedTitle { get; init; }

    /// <summary>{0}: the provider's name.</summary>
    public required string FederationFailed { get; init; }

    /// <summary>{0}: the provider's name.</summary>
    public required string FederationUnknownPerson { get; init; }

    /// <summary>{0}: the provider's name.</summary>
    public required string FederationNoRole { get; init; }

    public required string FederationNotAllowed { get; init; }
}
