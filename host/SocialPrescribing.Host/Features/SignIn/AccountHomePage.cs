namespace SocialPrescribing.Host.Features.SignIn;

/// <summary><c>/account</c>: who is signed in to the host, their second factor, and signing out (<c>/account/signed-out</c> after).</summary>
internal static class AccountHomePage
{
    public const string SignOutPath = "/account/sign-out";

    public const string SignedOutPath = "/account/signed-out";

    public static async Task<IResult> GetAsync(HttpContext http, SignInFlow flow)
    {
        var page = AccountPage.FromQuery(http);
        if (await flow.CurrentUserAsync(http) is not { } user)
        {
            return Results.Redirect(page.Link(SignInPage.Path));
        }

        var t = page.Text;
        var twoFactor = user.TwoFactorEnabled
            ? Html.Of($"<p>{t.TwoFactorOn}</p>")
            : Html.Of($"<p><a href=\"{page.Link(TwoFactorSetupPage.Path)}\">{t.SetupTitle}</a></p>");
        return page.Show(t.AccountTitle, Html.Of($"""
            <p>{t.Format(t.SignedInAs, user.DisplayName)}</p>{twoFactor}{page.Form(Html.Empty, t.SignOut, SignOutPath)}
            """));
    }

    public static async Task<IResult> SignOutAsync(HttpContext http, SignInFlow flow)
    {
        var (page, form) = await AccountPage.ReadFormAsync(http);
        if (form is not null)
        {
            await flow.SignIn.SignOutAsync();
        }

        return Results.Redirect(page.Link(form is null ? ReturnUrl.Account : SignedOutPath));
    }

    public static IResult SignedOut(HttpContext http)
    {
        var page = AccountPage.FromQuery(http);
        return page.Message(page.Text.SignedOutTitle, page.Text.SignedOutBody, more: Html.Of($"<p><a href=\"{page.Link(SignInPage.Path)}\">{page.Text.SignInTitle}</a></p>"));
    }
}
