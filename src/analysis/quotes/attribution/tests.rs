//! Attribution rules on made-up sentences, one module per house style of news: the held-out
//! sets are British and Canadian, and each attributes speech in its own habitual ways.

mod british;
mod canadian;
