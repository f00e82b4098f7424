import json, math, sys
import numpy as np

def nnls(A,b,iters=500):
    # Lawson-Hanson active set
    m,n=A.shape; P=np.zeros(n,bool); x=np.zeros(n)
    w=A.T@(b-A@x)
    for _ in range(iters):
        if P.all() or (w[~P]<=1e-10*np.abs(w).max()).all(): break
        j=np.argmax(np.where(~P,w,-np.inf)); P[j]=True
        while True:
            z=np.zeros(n); z[P]=np.linalg.lstsq(A[:,P],b,rcond=None)[0]
            if (z[P]>0).all(): x=z; break
            neg=P&(z<=0); alpha=np.min(x[neg]/(x[neg]-z[neg])); x=x+alpha*(z-x)
            P&=x>1e-12; x[~P]=0
        w=A.T@(b-A@x)
    return x,None
widths=[16]*4+[32]*4+[64]*4
blocks=3
def stream(s): return s*(1+blocks)
def inner(s,b): return stream(s)+1+b
convs=[]
for s in range(3):
    for b in range(blocks):
        convs.append((stream(s-1 if (s>0 and b==0) else s), inner(s,b)))
        convs.append((inner(s,b), stream(s)))
def counts(m):
    k=[];i=0
    for w in widths:
        k.append(sum(1 for c in m[i:i+w] if c=='1')); i+=w
    return k
B=lambda k: 8*math.ceil(k/8)
def feats(m, mode):
    k=counts(m)
    f=[1.0]
    if mode in('lin','both'):
        f+= [float(x) for x in k]+[float(k[a]*k[b]) for a,b in convs]
    if mode in('block','both'):
        f+= [float(B(x)) for x in k]+[float(B(k[a])*B(k[b])) for a,b in convs]
    return f
d=json.load(open(sys.argv[1]))
S=d['samples']; n=len(S)-d['learned_samples']
masks=[s['mask'] for s in S]; ms=np.array([s['ms'] for s in S])
rand=list(range(n)); learned=list(range(n,len(S)))
for mode in ['lin','block','both']:
    F=np.array([feats(m,mode) for m in masks])
    train=[i for i in rand if i%4!=3]; test=[i for i in rand if i%4==3]
    def fit(idx):
        A=F[idx].copy(); b=ms[idx].copy(); w=math.sqrt(len(idx)); A[0]*=w; b[0]*=w  # anchor row 0
        return nnls(A,b)[0]
    w=fit(train)
    ho=np.sqrt(np.mean(((F[test]@w-ms[test])/ms[test])**2))
    w=fit(rand)
    full=F[0]@w
    pred=F[learned]@w/full; meas=ms[learned]/ms[0]
    err=pred-meas
    print(f"{mode:5s} features {F.shape[1]:2d}: held-out rel rms {ho:.3f}; on the {len(learned)} chosen masks (ratio): mean err {err.mean():+.3f}, rms {np.sqrt((err**2).mean()):.3f}, max |err| {np.abs(err).max():.3f}")
# the hand-made width masks
W=json.load(open('/work/main/docs/results/issue17-resnet-latency/widths/masks.json'))
import csv
meas={}
for r in csv.DictReader(open('/work/main/docs/results/issue17-resnet-latency/widths/latency-b64-1t-sitting1.csv')):
    meas[r['method']]=float(r['ratio_to_unpruned'])
for mode in ['lin','block','both']:
    F=np.array([feats(m,mode) for m in masks])
    A=F[rand].copy(); b=ms[rand].copy(); w0=math.sqrt(len(rand)); A[0]*=w0; b[0]*=w0
    w=nnls(A,b)[0]; full=F[0]@w
    out=[]
    for r in W[1:]:
        m=''.join(str(x) for x in r['kept'])
        out.append(f"{r['method'].split(' ')[0]}:{np.array(feats(m,mode))@w/full:.2f}/{meas[r['method']]:.2f}")
    print(mode, ' '.join(out))
