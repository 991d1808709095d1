"""Fit the phase-type table of src/model/phase.rs (FIT) and docs/model.md, Appendix A.

Each row approximates the Weibull survival S(x) = exp(-x^shape), in time scaled by the
Weibull's scale, by a mixture of three exponentials: rates mu_1..3 and entry shares p_1..3.
Not needed to build, run or test hatcalc; kept so that the table can be regenerated and
checked. Needs numpy and scipy:  python3 scripts/fit_phases.py > fit.txt
"""
import numpy as np
from scipy.optimize import minimize
from scipy.special import gamma as G
xs = np.concatenate([np.geomspace(0.02,2,200), np.linspace(2,60,581)[1:]])
K=3
def unpack(th):
    mu=np.exp(th[:K]); w=np.exp(np.append(th[K:],0)); return mu, w/w.sum()
def S_ph(mu,p,x): return (p[None,:]*np.exp(-mu[None,:]*x[:,None])).sum(1)
def fit(g, starts):
    S=np.exp(-xs**g); M=G(1+1/g)
    def f(th):
        mu,p=unpack(th); return np.max(np.abs(S_ph(mu,p,xs)-S)) + 0.05*abs((p/mu).sum()/M-1)
    def f2(th):
        mu,p=unpack(th); return np.mean((S_ph(mu,p,xs)-S)**2) + 0.01*((p/mu).sum()/M-1)**2
    best=None
    for s0 in starts:
        r=minimize(f2,s0,method='Nelder-Mead',options=dict(maxiter=40000,xatol=1e-12,fatol=1e-16))
        r=minimize(f,r.x,method='Nelder-Mead',options=dict(maxiter=40000,xatol=1e-12,fatol=1e-16))
        if best is None or r.fun<best.fun: best=r
    return best.x
gs=np.round(np.arange(0.40,1.0001,0.01),2)
rows={}
# continuation from 0.60 upward and downward
th=fit(0.6,[np.array([-1.1,0.57,3.3,0.9,1.1]), np.array([-1.5,0,2,0,0])])
rows[0.6]=th
prev=th
for g in [x for x in gs if x>0.6]:
    prev=fit(g,[prev]); rows[g]=prev
prev=rows[0.6]
for g in [x for x in gs if x<0.6][::-1]:
    prev=fit(g,[prev]); rows[g]=prev
tab=[]
for g in gs:
    mu,p=unpack(rows[g]); o=np.argsort(mu); tab.append([g,*mu[o],*p[o]])
tab=np.array(tab)
# Shape 1 is the exponential itself: one phase at rate 1 (the others carry no one).
tab[-1,1:]=[1,2,18,1,0,0]
for r in tab:
    print(" ".join(f"{v:.6f}" for v in r))
