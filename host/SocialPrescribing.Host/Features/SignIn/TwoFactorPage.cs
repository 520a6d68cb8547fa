using SocialPrescribing.Accounts;

namespace SocialPrescribing.Host.Features.SignIn;

/// <summary><c>/account/two-factor</c>: the code of the person's authenticator app, after their password.</summary>
internal static class TwoFactorPage
{
    public const string Path = "/account/two-factor";

    public static async Task<IResult> GetAsync(HttpContext http, SignInFlow flow)
    {
        var page = AccountPage.FromQuery(http, "returnUrl");
        return await flow.SignIn.GetTwoFactorAuthenticationUserAsync() is null
            ? Results.Redirect(page.Onward(SignInPage.Path))
            : Render(page);
    }

    public static async Task<IResult> PostAsync(HttpContext http, SignInFlow flow)
    {
        var (page, form) = await AccountPage.ReadFormAsync(http, "returnUrl");
        var user = await flow.SignIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Results.Redirect(page.Onward(SignInPage.Path));
        }

        if (form is null)
        {
            page.Error("code", page.Text.FormExpired);
            return Render(page, StatusCodes.Status400BadRequest);
        }

        if (!page.Require(form, "code"))
        {
            return Render(page, StatusCodes.Status400BadRequest);
        }

        if (await flow.OverLimitAsync(http, page, user.UserName!) is { } wait)
        {
            page.Error("code", wait);
            return Render(page, StatusCodes.Status429TooManyRequests);
        }

        var code = form["code"].ToString().Replace(" ", string.Empty, StringComparison.Ordinal);
        var result = await flow.SignIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await flow.SignedInAsync(http, user.UserName!);
            return Results.Redirect(page.ReturnTo);
        }

        await flow.FailedAsync(http, user.UserName!, result.IsLockedOut ? SignInFailure.LockedOut : SignInFailure.SecondFactor);
        page.Error("code", result.IsLockedOut ? page.Text.LockedOut : page.Text.WrongCode);
        return Render(page, StatusCodes.Status400BadRequest);
    }

    private static IResult Render(AccountPage page, int status = StatusCodes.Status200OK)
    {
        var t = page.Text;
        var field = page.Field("code", t.Code, "text", "one-time-code", hint: t.TwoFactorIntro, inputMode: "numeric");
        return page.Show(t.TwoFactorTitle, page.Form(field, t.Verify), status);
    }
}
