//! Styles derived from the theme. With `NO_COLOR` every colour becomes a modifier, so that
//! quotations, highlights and matches still show on a monochrome terminal.

use ratatui::style::{Color, Modifier, Style};

use crate::config::Theme;
use crate::source::HeadingLevel;

pub struct Styles<'a> {
    theme: &'a Theme,
}

impl<'a> Styles<'a> {
    pub fn new(theme: &'a Theme) -> Self {
        Styles { theme }
    }

    fn fg(&self, c: Color) -> Style {
        if self.theme.colour {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    /// Text on a coloured background (highlights, matches): black on the colour, or reverse.
    fn on(&self, c: Color) -> Style {
        if self.theme.colour {
            Style::new().bg(c).fg(Color::Black)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn title(&self) -> Style {
        self.fg(self.theme.title).add_modifier(Modifier::BOLD)
    }

    /// Section headings: bold in the heading colour; the smallest levels are not coloured.
    pub fn heading(&self, level: HeadingLevel) -> Style {
        let style = Style::new().add_modifier(Modifier::BOLD);
        if level <= HeadingLevel::H3 {
            style.patch(self.fg(self.theme.heading))
        } else {
            style
        }
    }

    /// Code blocks and inline code.
    pub fn code(&self) -> Style {
        if self.theme.colour {
            Style::new().fg(self.theme.code)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn link(&self) -> Style {
        self.fg(self.theme.link).add_modifier(Modifier::UNDERLINED)
    }

    /// The bars left of a block quote.
    pub fn quote_bar(&self) -> Style {
        self.dim()
    }

    pub fn speaker(&self, i: usize) -> Style {
        if self.theme.colour {
            Style::new().fg(self.theme.speaker(i))
        } else {
            Style::new().add_modifier(Modifier::ITALIC)
        }
    }

    pub fn unknown_speaker(&self) -> Style {
        self.fg(Color::Gray).add_modifier(Modifier::ITALIC)
    }

    pub fn mention(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    pub fn date(&self) -> Style {
        self.fg(self.theme.dates).add_modifier(Modifier::UNDERLINED)
    }

    pub fn highlight(&self, label: &str) -> Style {
        if self.theme.colour {
            Style::new()
                .bg(self.theme.highlight(label))
                .fg(Color::Black)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }

    pub fn highlight_marker(&self, label: &str) -> Style {
        self.fg(self.theme.highlight(label))
    }

    pub fn search(&self) -> Style {
        self.on(self.theme.search)
    }

    pub fn current_match(&self) -> Style {
        self.on(self.theme.search)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    pub fn selection(&self) -> Style {
        if self.theme.colour {
            Style::new().bg(self.theme.selection).fg(Color::White)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn target(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn cursor(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn status(&self) -> Style {
        if self.theme.colour {
            Style::new().bg(self.theme.status).fg(Color::White)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn dim(&self) -> Style {
        self.fg(Color::DarkGray)
    }

    pub fn accent(&self) -> Style {
        self.fg(self.theme.title)
    }

    pub fn selected_row(&self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    pub fn warning(&self) -> Style {
        self.fg(Color::LightRed).add_modifier(Modifier::BOLD)
    }
}
