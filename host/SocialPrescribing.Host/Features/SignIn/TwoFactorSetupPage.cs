using System.Text.RegularExpressions;
using SocialPrescribing.Host.Features.Access;

namespace SocialPrescribing.Host.Features.SignIn;

/// <summary>
/// <c>/account/two-factor/setup</c>: turning on a second factor (TOTP, RFC 6238) for the person signed in. The page
/// shows the key and an <c>otpauth://</c> link (no QR code: the host serves no script or image generator; the key is
/// typed, or the link opened on the phone), and the first code the app shows proves it was added.
/// </summary>
internal static partial class TwoFactorSetupPage
{
    public const string Path = "/account/two-factor/setup";

    public static async Task<IResult> GetAsync(HttpContext http, SignInFlow flow, AccessKeyRing keys)
    {
        var page = AccountPage.FromQuery(http, "returnUrl");
        if (await flow.CurrentUserAsync(http) is not { } user)
        {
            return Results.Redirect(page.Link(SignInPage.Path, ("returnUrl", page.Onward(Path))));
        }

        if (user.TwoFactorEnabled)
        {
            return Done(page);
        }

        if (await flow.Users.GetAuthenticatorKeyAsync(user) is null)
        {
            // A new key changes the security stamp; the session is renewed so it stays valid.
            await flow.Users.ResetAuthenticatorKeyAsync(user);
            await flow.SignIn.RefreshSignInAsync(user);
        }

        return await RenderAsync(page, flow, user, keys);
    }

    public static async Task<IResult> PostAsync(HttpContext http, SignInFlow flow, AccessKeyRing keys)
    {
        var (page, form) = await AccountPage.ReadFormAsync(http, "returnUrl");
        if (await flow.CurrentUserAsync(http) is not { } user)
        {
            return Results.Redirect(page.Link(SignInPage.Path, ("returnUrl", page.Onward(Path))));
        }

        if (form is null || !page.Require(form, "code"))
        {
            if (form is null)
            {
                page.Error("code", page.Text.FormExpired);
            }

            return await RenderAsync(page, flow, user, keys, StatusCodes.Status400BadRequest);
        }

        var code = form["code"].ToString().Replace(" ", string.Empty, StringComparison.Ordinal);
        if (!await flow.Users.VerifyTwoFactorTokenAsync(user, flow.Users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            page.Error("code", page.Text.WrongCode);
            return await RenderAsync(page, flow, user, keys, StatusCodes.Status400BadRequest);
        }

        await flow.Users.SetTwoFactorEnabledAsync(user, true);
        await flow.SignIn.RefreshSignInAsync(user);
        return Done(page);
    }

    private static IResult Done(AccountPage page) =>
        page.Message(page.Text.SetupTitle, page.Text.TwoFactorOn, more: Html.Of($"<p><a href=\"{page.ReturnTo}\">{page.Text.Continue}</a></p>"));

    private static async Task<IResult> RenderAsync(AccountPage page, SignInFlow flow, Accounts.UserAccount user, AccessKeyRing keys, int status = StatusCodes.Status200OK)
    {
        var t = page.Text;
        var key = (await flow.Users.GetAuthenticatorKeyAsync(user))!;
        var issuer = $"Social Prescribing ({keys.Issuer.Authority})";
        var uri = $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6&period=30";
        var grouped = string.Join(' ', Groups().Matches(key.ToLowerInvariant()).Select(m => m.Value));
        var field = page.Field("code", t.Code, "text", "one-time-code", inputMode: "numeric");
        return page.Show(t.SetupTitle, Html.Of($"""
            <p>{t.SetupIntro}</p>
            <p><a href="{uri}">{t.SetupLink}</a></p>
            <p>{t.SetupKey}: <code id="key" data-key="{key}">{grouped}</code></p>
            {page.Form(field, t.TurnOn)}
            """), status);
    }

    [GeneratedRegex(".{1,4}")]
    private static partial Regex Groups();
}
