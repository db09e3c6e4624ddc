import Testing

@testable import LabShell

/// `compare draft`: the exact screen in both languages, and its refusals.
@Suite struct DraftCompareTests {
    static let setup = ["sizes B=2 T=2 D=2 H=2", "init tutorial seed 0", "input random seed 1", "step bwd"]

    func lab(_ language: String = "en") -> Lab {
        var lab = Lab(interpreter: Interpreter(session: .demo()), width: 80)
        _ = lab.handle("set lang \(language)")
        for line in Self.setup { _ = lab.handle(line) }
        return lab
    }

    @Test func theScreenInEnglish() {
        var lab = lab()
        let r = lab.handle("compare draft bwd b=1")
        #expect(r.error == nil)
        #expect(
            r.output == """
                compare draft bwd t=1 b=1: step 1 of 2; both cells start from the same h_prev,
                  c_prev and the same z = x_t·W_ihᵀ + b_ih + h_prev·W_hhᵀ + b_hh
                z's blocks, named as nn.LSTM stores them: z_i=z[:,0:2], z_f=z[:,2:4],
                  z_g=z[:,4:6], z_o=z[:,6:8]
                correct: i, f, g, o = z.chunk(4, 1);  i, f, g, o = σ(i), σ(f), tanh(g), σ(o)
                draft:   f, i, o, g = z.chunk(4, 1);  f, i, o, g = σ(f), σ(i), tanh(g), σ(o)

                      correct (nn.LSTM)                    the tutorial's draft
                unit  i        f        g         o        i        f        g        o
                      σ(z_i)   σ(z_f)   tanh(z_g) σ(z_o)   σ(z_f)   σ(z_i)   σ(z_g)   tanh(z_o)
                   0  0.5674   0.9089   0.0821    0.3933   0.9089*  0.5674*  0.5206*  -0.4081*
                   1  0.5438   0.8212   -0.0308   0.3604   0.8212*  0.5438*  0.4923*  -0.5180*

                the new state of both (c = f ⊙ c_prev + i ⊙ g,  h = o ⊙ tanh(c))
                unit  c_prev   c        c draft  h        h draft  h draft − h
                   0  0.0000   0.0466   0.4732*  0.0183   -0.1799* -0.1982
                   1  0.0000   -0.0168  0.4043*  -0.0060  -0.1987* -0.1927
                * = the draft's value differs from the correct one as shown; each column says
                  which block of z its value really came from
                """)
    }

    @Test func theScreenInChinese() {
        var lab = lab("zh")
        let r = lab.handle("compare draft bwd b=1")
        #expect(r.error == nil)
        #expect(
            r.output == """
                compare draft bwd t=1 b=1：第 1/2 步；两种写法都从同一个 h_prev、c_prev 和同一个
                  z = x_t·W_ihᵀ + b_ih + h_prev·W_hhᵀ + b_hh 出发
                z 的各块（按 nn.LSTM 的存放顺序命名）：z_i=z[:,0:2], z_f=z[:,2:4], z_g=z[:,4:6],
                  z_o=z[:,6:8]
                正确：i, f, g, o = z.chunk(4, 1)；  i, f, g, o = σ(i), σ(f), tanh(g), σ(o)
                草稿：f, i, o, g = z.chunk(4, 1)；  f, i, o, g = σ(f), σ(i), tanh(g), σ(o)

                      正确（nn.LSTM）                      教程的草稿
                单元  i        f        g         o        i        f        g        o
                      σ(z_i)   σ(z_f)   tanh(z_g) σ(z_o)   σ(z_f)   σ(z_i)   σ(z_g)   tanh(z_o)
                   0  0.5674   0.9089   0.0821    0.3933   0.9089*  0.5674*  0.5206*  -0.4081*
                   1  0.5438   0.8212   -0.0308   0.3604   0.8212*  0.5438*  0.4923*  -0.5180*

                两者的新状态（c = f ⊙ c_prev + i ⊙ g，h = o ⊙ tanh(c)）
                单元  c_prev   c        c draft  h        h draft  h draft − h
                   0  0.0000   0.0466   0.4732*  0.0183   -0.1799* -0.1982
                   1  0.0000   -0.0168  0.4043*  -0.0060  -0.1987* -0.1927
                * = 草稿的值与正确的值（按显示的位数）不同；每列都标出值实际来自 z 的哪一块
                """)
    }

    @Test func refusals() {
        var en = lab()
        #expect(
            en.handle("compare draft fwd t=1").error
                == "compare draft fwd t=1 needs the state before that step: take 1 fwd step first (fwd has taken 0 of 2)"
        )
        #expect(en.handle("compare draft b=2").error == "b=2 is out of range: b goes from 0 to 1")
        #expect(en.handle("compare drift").error == "unknown comparison 'drift': use draft (did you mean 'draft'?)")
        #expect(en.handle("compare").error == "compare needs comparison: draft")
        _ = en.handle("lengths 2,1")
        #expect(
            en.handle("compare draft").error
                == "compare draft reads full-length steps: with lengths each sequence has its own clock; 'lengths none' first"
        )
        var zh = lab("zh")
        #expect(
            zh.handle("compare draft fwd t=1").error
                == "compare draft fwd t=1 需要这一步之前的状态：先让 fwd 走 1 步（fwd 已走 0/2 步）")
        #expect(zh.handle("compare draft b=2").error == "b=2 超出范围：b 只能取 0 到 1")
        #expect(zh.handle("compare drift").error == "没有这个比较对象：'drift'；可以用 draft（你是不是想输入 'draft'？）")
    }

    /// Without t= the direction's latest step; before any, its first (from the initial state).
    @Test func theDefaultStep() {
        var lab = lab()
        #expect(lab.handle("compare draft").output.hasPrefix("compare draft fwd t=0 b=0: step 1 of 2;"))
        #expect(lab.handle("compare draft bwd").output.hasPrefix("compare draft bwd t=1 b=0: step 1 of 2;"))
        _ = lab.handle("step bwd")
        #expect(lab.handle("compare draft bwd").output.hasPrefix("compare draft bwd t=0 b=0: step 2 of 2;"))
    }
}
