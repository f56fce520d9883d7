using System;

namespace StaticNet;

public static partial class ActivationFunctions
{
    // W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969) 631-638, as
    // coded in his SPECFUN routine CALERF (netlib.org/specfun/erf, 1990): three near-minimax rational approximations
    // good to about 18 significant digits, so the double results are limited by double rounding (~1e-16 relative).
    // The coefficients below are Cody's.

    // erf(x) ~ x * A(x^2) / B(x^2) on |x| <= 0.46875.
    private const double ErfSmallLimit = 0.46875;
    private const double ErfA0 = 3.16112374387056560e00, ErfA1 = 1.13864154151050156e02, ErfA2 = 3.77485237685302021e02;
    private const double ErfA3 = 3.20937758913846947e03, ErfA4 = 1.85777706184603153e-1;
    private const double ErfB0 = 2.36012909523441209e01, ErfB1 = 2.44024637934444173e02, ErfB2 = 1.28261652607737228e03;
    private const double ErfB3 = 2.84423683343917062e03;

    // erfc(x) ~ exp(-x^2) * C(x) / D(x) on 0.46875 < x <= 4.
    private const double ErfcC0 = 5.64188496988670089e-1, ErfcC1 = 8.88314979438837594e00, ErfcC2 = 6.61191906371416295e01;
    private const double ErfcC3 = 2.98635138197400131e02, ErfcC4 = 8.81952221241769090e02, ErfcC5 = 1.71204761263407058e03;
    private const double ErfcC6 = 2.05107837782607147e03, ErfcC7 = 1.23033935479799725e03, ErfcC8 = 2.15311535474403846e-8;
    private const double ErfcD0 = 1.57449261107098347e01, ErfcD1 = 1.17693950891312499e02, ErfcD2 = 5.37181101862009858e02;
    private const double ErfcD3 = 1.62138957456669019e03, ErfcD4 = 3.29079923573345963e03, ErfcD5 = 4.36261909014324716e03;
    private const double ErfcD6 = 3.43936767414372164e03, ErfcD7 = 1.23033935480374942e03;

    // erfc(x) ~ exp(-x^2) / x * (1/sqrt(pi) - P(1/x^2) / (x^2 Q(1/x^2))) on x > 4.
    private const double ErfcP0 = 3.05326634961232344e-1, ErfcP1 = 3.60344899949804439e-1, ErfcP2 = 1.25781726111229246e-1;
    private const double ErfcP3 = 1.60837851487422766e-2, ErfcP4 = 6.58749161529837803e-4, ErfcP5 = 1.63153871373020978e-2;
    private const double ErfcQ0 = 2.56852019228982242e00, ErfcQ1 = 1.87295284992346047e00, ErfcQ2 = 5.27905102951428412e-1;
    private const double ErfcQ3 = 6.05183413124413191e-2, ErfcQ4 = 2.33520497626869185e-3;

    private const double InverseSqrtPi = 0.56418958354775628695;

    // erfc(x) is below the smallest positive double from here on (Cody's XBIG for IEEE double).
    private const double ErfcUnderflow = 26.543;

    /// <summary>
    /// The error function <c>erf(x) = 2/√π ∫₀ˣ e^(-t²) dt</c>, in double precision, by W. J. Cody's rational Chebyshev
    /// approximations (Math. Comp. 23, 1969; SPECFUN <c>CALERF</c>), accurate to about 1e-16 relative. .NET has no
    /// built-in erf; this is the one <see cref="GELU"/> uses (PyTorch <c>torch.erf</c>).
    /// </summary>
    /// <param name="x">Any double; ±∞ gives ±1 and NaN gives NaN.</param>
    /// <returns>erf(x) in [-1, 1]; odd, so <c>Erf(-0.0)</c> is -0.0.</returns>
    public static double Erf(double x)
    {
        double y = Math.Abs(x);
        if (y <= ErfSmallLimit)
        {
            return ErfSmall(x);
        }

        // 1 - erfc loses nothing here: erfc(0.46875) ~ 0.5, so the subtraction is exact to rounding.
        double result = (0.5 - ErfcAbove(y)) + 0.5;
        return x < 0 ? -result : result;
    }

    /// <summary>
    /// The complementary error function <c>erfc(x) = 1 - erf(x)</c>, in double precision with full relative accuracy in
    /// the tail (W. J. Cody 1969, as <see cref="Erf"/>; PyTorch <c>torch.erfc</c>). Use it instead of <c>1 - Erf(x)</c>
    /// for large x, where the subtraction cancels.
    /// </summary>
    /// <param name="x">Any double; +∞ gives 0, -∞ gives 2 and NaN gives NaN.</param>
    /// <returns>erfc(x) in [0, 2]; 0 when x ≥ 26.543, where it underflows.</returns>
    public static double Erfc(double x)
    {
        double y = Math.Abs(x);
        if (y <= ErfSmallLimit)
        {
            return 1.0 - ErfSmall(x);
        }

        double result = ErfcAbove(y);
        return x < 0 ? 2.0 - result : result;
    }

    // erf(x) for |x| <= 0.46875.
    private static double ErfSmall(double x)
    {
        // Below 1.11e-16 erf(x) = 2x/sqrt(pi) to double precision, and x*x could underflow to a subnormal.
        double ysq = Math.Abs(x) > 1.11e-16 ? x * x : 0.0;
        double numerator = ((((ErfA4 * ysq + ErfA0) * ysq + ErfA1) * ysq + ErfA2) * ysq) + ErfA3;
        double denominator = (((ysq + ErfB0) * ysq + ErfB1) * ysq + ErfB2) * ysq + ErfB3;
        return x * numerator / denominator;
    }

    // erfc(y) for y > 0.46875 (or NaN).
    private static double ErfcAbove(double y)
    {
        double result;
        if (y <= 4.0)
        {
            double numerator = ErfcC8 * y;
            double denominator = y;
            numerator = (numerator + ErfcC0) * y;
            denominator = (denominator + ErfcD0) * y;
            numerator = (numerator + ErfcC1) * y;
            denominator = (denominator + ErfcD1) * y;
            numerator = (numerator + ErfcC2) * y;
            denominator = (denominator + ErfcD2) * y;
            numerator = (numerator + ErfcC3) * y;
            denominator = (denominator + ErfcD3) * y;
            numerator = (numerator + ErfcC4) * y;
            denominator = (denominator + ErfcD4) * y;
            numerator = (numerator + ErfcC5) * y;
            denominator = (denominator + ErfcD5) * y;
            numerator = (numerator + ErfcC6) * y;
            denominator = (denominator + ErfcD6) * y;
            result = (numerator + ErfcC7) / (denominator + ErfcD7);
        }
        else if (y >= ErfcUnderflow)
        {
            return 0.0;
        }
        else
        {
            double ysq = 1.0 / (y * y);
            double numerator = ErfcP5 * ysq;
            double denominator = ysq;
            numerator = (numerator + ErfcP0) * ysq;
            denominator = (denominator + ErfcQ0) * ysq;
            numerator = (numerator + ErfcP1) * ysq;
            denominator = (denominator + ErfcQ1) * ysq;
            numerator = (numerator + ErfcP2) * ysq;
            denominator = (denominator + ErfcQ2) * ysq;
            numerator = (numerator + ErfcP3) * ysq;
            denominator = (denominator + ErfcQ3) * ysq;
            result = ysq * (numerator + ErfcP4) / (denominator + ErfcQ4);
            result = (InverseSqrtPi - result) / y;
        }

        // exp(-y^2) with y^2 split as s^2 + (y - s)(y + s), s = y rounded down to 1/16: s^2 is exact, so the large
        // exponent carries no rounding error (Cody's trick; a plain exp(-y*y) loses ~y^2 * 1e-16 relative).
        double s = Math.Truncate(y * 16.0) / 16.0;
        double rest = (y - s) * (y + s);
        return Math.Exp(-s * s) * Math.Exp(-rest) * result;
    }
}
